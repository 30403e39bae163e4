namespace Tightrope.Dates;

/// <summary>
/// Which of a list of regular expressions (the date grammar's rules, case-insensitive) can match at a position,
/// read from the next few characters of the text in one walk: a trie of every prefix (up to <see cref="Depth"/>
/// characters) that a match of some rule can begin with, each node marked with the rules that reach it and the
/// rules that can end there. The prefixes come from each rule's text turned into an automaton that accepts more
/// than the rule (lookarounds and anchors consume nothing, capitals-only parts ignore case, anything it cannot
/// bound — <c>\w</c>, <c>.</c>, a negated class, a cased letter outside ASCII — matches whatever follows), so a rule
/// ruled out at a position cannot match there; a rule that is not ruled out is tried as before.
/// </summary>
/// <remarks>
/// Characters are read as symbols: an ASCII letter as its lower case, an ASCII digit as '0', ASCII white space as
/// ' ', other printable ASCII as itself. Any other character of the text ends the walk with every rule still in
/// reach kept (what it may match is not modelled). The scan of a figure ("18.9", "29,531", "9 billion") meets a
/// digit where a dozen rules could begin; this rules most of them out without calling them.
/// </remarks>
internal sealed class RulePrefixes
{
    /// <summary>How many characters of the text the walk reads at most.</summary>
    public const int Depth = 8;

    private const int Symbols = 128;

    // The trie: node 0 is the root; _children[node] holds (symbol, child) pairs.
    private readonly List<(char Symbol, int Child)[]> _children = [];
    private readonly List<ulong> _reach = [];  // rules whose prefixes pass through the node
    private readonly List<ulong> _accept = []; // rules that can match the node's prefix whole (or anything after it)
    private readonly int[] _rootChild = new int[Symbols];

    /// <summary>The rules it can rule out: the first 64 (more are always tried).</summary>
    public int Count { get; }

    public RulePrefixes(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        Count = Math.Min(patterns.Count, 64);
        NewNode();
        var children = new List<Dictionary<char, int>> { new() };
        for (int r = 0; r < Count; r++)
        {
            ulong bit = 1UL << r;
            Nfa nfa;
            try
            {
                nfa = Nfa.Parse(patterns[r]);
            }
            catch (FormatException)
            {
                _accept[0] |= bit; // not understood: always tried
                _reach[0] |= bit;
                continue;
            }

            Visit(nfa, nfa.Closure([nfa.Start]), 0, 0, bit, children);
        }

        for (int n = 0; n < _children.Count; n++)
        {
            _children[n] = [.. children[n].Select(kv => (kv.Key, kv.Value)).OrderBy(p => p.Key)];
        }

        Array.Fill(_rootChild, -1);
        foreach (var (symbol, child) in _children[0])
        {
            _rootChild[symbol] = child;
        }

        int NewNode()
        {
            _children.Add([]);
            _reach.Add(0);
            _accept.Add(0);
            return _children.Count - 1;
        }

        void Visit(Nfa nfa, HashSet<int> states, int node, int depth, ulong bit, List<Dictionary<char, int>> kids)
        {
            _reach[node] |= bit;
            if (states.Contains(nfa.Final) || states.Overlaps(nfa.Wild))
            {
                _accept[node] |= bit; // every walk through this node tries the rule: no need to go deeper
                return;
            }

            if (depth == Depth)
            {
                return;
            }

            var symbols = new SortedSet<char>();
            foreach (int s in states)
            {
                foreach (var (set, _) in nfa.Edges[s])
                {
                    symbols.UnionWith(set);
                }
            }

            foreach (char symbol in symbols)
            {
                var next = new List<int>();
                foreach (int s in states)
                {
                    foreach (var (set, to) in nfa.Edges[s])
                    {
                        if (set.Contains(symbol))
                        {
                            next.Add(to);
                        }
                    }
                }

                if (!kids[node].TryGetValue(symbol, out int child))
                {
                    child = NewNode();
                    kids.Add([]);
                    kids[node][symbol] = child;
                }

                Visit(nfa, nfa.Closure(next), child, depth + 1, bit, kids);
            }
        }
    }

    /// <summary>The number of trie nodes (for tests and tuning).</summary>
    public int Nodes => _children.Count;

    /// <summary>
    /// The rules (bit r for rule r) that may match at <paramref name="start"/> of <paramref name="text"/>; every rule
    /// that matches there is among them.
    /// </summary>
    public ulong Possible(string text, int start)
    {
        ulong possible = 0;
        int node = 0;
        for (int d = 0; ; d++)
        {
            possible |= _accept[node];
            if (d == Depth)
            {
                return possible | _reach[node];
            }

            int p = start + d;
            if (p >= text.Length)
            {
                return possible;
            }

            int symbol = Symbol(text[p]);
            if (symbol < 0)
            {
                return possible | _reach[node];
            }

            int child = node == 0 ? _rootChild[symbol] : Child(_children[node], (char)symbol);
            if (child < 0)
            {
                return possible;
            }

            node = child;
        }
    }

    private static int Child((char Symbol, int Child)[] children, char symbol)
    {
        foreach (var (s, c) in children)
        {
            if (s == symbol)
            {
                return c;
            }

            if (s > symbol)
            {
                break;
            }
        }

        return -1;
    }

    /// <summary>A text character's symbol, or -1 for a character the trie does not model.</summary>
    internal static int Symbol(char c) => c switch
    {
        >= 'a' and <= 'z' => c,
        >= 'A' and <= 'Z' => c + ('a' - 'A'),
        >= '0' and <= '9' => '0',
        ' ' or '\t' or '\n' or '\r' or '\f' or '\v' => ' ',
        > ' ' and < '\x7f' => c,
        _ => -1,
    };

    /// <summary>
    /// An automaton (states with symbol-set edges and empty moves) that accepts every string the pattern can match
    /// and more; <see cref="Wild"/> states stand for a part it does not model, which may match anything.
    /// </summary>
    private sealed class Nfa
    {
        public readonly List<List<(HashSet<char> Set, int To)>> Edges = [];
        public readonly List<List<int>> Empty = [];
        public readonly HashSet<int> Wild = [];
        public int Start;
        public int Final;

        private readonly string _p;
        private int _i;

        private Nfa(string pattern) => _p = pattern;

        public static Nfa Parse(string pattern)
        {
            var nfa = new Nfa(pattern);
            var (start, end) = nfa.Alternation();
            if (nfa._i != pattern.Length)
            {
                throw new FormatException("unbalanced ')'");
            }

            nfa.Start = start;
            nfa.Final = end;
            return nfa;
        }

        public HashSet<int> Closure(IEnumerable<int> states)
        {
            var set = new HashSet<int>();
            var stack = new Stack<int>(states);
            while (stack.Count > 0)
            {
                int s = stack.Pop();
                if (set.Add(s))
                {
                    foreach (int t in Empty[s])
                    {
                        stack.Push(t);
                    }
                }
            }

            return set;
        }

        private int State()
        {
            Edges.Add([]);
            Empty.Add([]);
            return Edges.Count - 1;
        }

        private (int Start, int End) Epsilon()
        {
            int s = State();
            return (s, s);
        }

        private (int Start, int End) Alternation()
        {
            var branches = new List<(int, int)> { Sequence() };
            while (_i < _p.Length && _p[_i] == '|')
            {
                _i++;
                branches.Add(Sequence());
            }

            if (branches.Count == 1)
            {
                return branches[0];
            }

            int start = State(), end = State();
            foreach (var (s, e) in branches)
            {
                Empty[start].Add(s);
                Empty[e].Add(end);
            }

            return (start, end);
        }

        private (int Start, int End) Sequence()
        {
            var (start, end) = Epsilon();
            while (_i < _p.Length && _p[_i] != '|' && _p[_i] != ')')
            {
                var (s, e) = Item();
                Empty[end].Add(s);
                end = e;
            }

            return (start, end);
        }

        private (int Start, int End) Item()
        {
            int atomAt = _i;
            var atom = Atom();
            int atomEnd = _i;
            if (_i >= _p.Length)
            {
                return atom;
            }

            (int Start, int End) result;
            switch (_p[_i])
            {
                case '?':
                    _i++;
                    result = Optional(atom);
                    break;
                case '*':
                    _i++;
                    result = Optional(Plus(atom));
                    break;
                case '+':
                    _i++;
                    result = Plus(atom);
                    break;
                case '{' when Quantifier() is { } q:
                    int after = _i;
                    result = Repeat(atom, q.Min, q.Max, atomAt, atomEnd);
                    _i = after;
                    break;
                default:
                    return atom;
            }

            if (_i < _p.Length && _p[_i] is '?' or '+')
            {
                _i++; // lazy or possessive: the same strings
            }

            return result;
        }

        private (int Start, int End) Optional((int Start, int End) f)
        {
            Empty[f.Start].Add(f.End);
            return f;
        }

        private (int Start, int End) Plus((int Start, int End) f)
        {
            int end = State();
            Empty[f.End].Add(f.Start);
            Empty[f.End].Add(end);
            return (f.Start, end);
        }

        /// <summary>The atom at [atomAt, atomEnd) repeated min to max times (max -1: no bound), re-read for each copy.</summary>
        private (int Start, int End) Repeat((int Start, int End) first, int min, int max, int atomAt, int atomEnd)
        {
            var copies = new List<(int Start, int End)>();
            int wanted = max < 0 ? Math.Max(min, 1) : max;
            for (int k = 0; k < wanted; k++)
            {
                if (k == 0)
                {
                    copies.Add(first);
                    continue;
                }

                _i = atomAt;
                copies.Add(Atom());
                if (_i != atomEnd)
                {
                    throw new FormatException("repeated atom read differently");
                }
            }

            if (wanted == 0)
            {
                return Epsilon(); // x{0}: the first copy is left unreachable
            }

            var (start, end) = Epsilon();
            for (int k = 0; k < copies.Count; k++)
            {
                var c = copies[k];
                if (max < 0 && k == copies.Count - 1)
                {
                    c = Plus(c);
                }

                if (k >= min)
                {
                    c = Optional(c);
                }

                Empty[end].Add(c.Start);
                end = c.End;
            }

            return (start, end);
        }

        /// <summary>A {m}, {m,} or {m,n} quantifier (max -1 for none), or null when the brace is a literal.</summary>
        private (int Min, int Max)? Quantifier()
        {
            int close = _p.IndexOf('}', _i);
            if (close < 0)
            {
                return null;
            }

            var body = _p.AsSpan(_i + 1, close - _i - 1);
            int comma = body.IndexOf(',');
            var inv = System.Globalization.CultureInfo.InvariantCulture;
            const System.Globalization.NumberStyles none = System.Globalization.NumberStyles.None;
            if (!int.TryParse(comma < 0 ? body : body[..comma], none, inv, out int min))
            {
                return null;
            }

            int max = min;
            if (comma >= 0)
            {
                var rest = body[(comma + 1)..];
                if (rest.IsEmpty)
                {
                    max = -1;
                }
                else if (!int.TryParse(rest, none, inv, out max) || max < min)
                {
                    return null;
                }
            }

            if ((max < 0 ? min : max) > 16)
            {
                throw new FormatException("repetition too long to copy");
            }

            _i = close + 1;
            return (min, max);
        }

        private (int Start, int End) Atom()
        {
            char c = _p[_i];
            switch (c)
            {
                case '(':
                    return Group();
                case '[':
                    return Edge(Class());
                case '\\':
                    return Escape();
                case '.':
                    _i++;
                    return Edge(null);
                case '^' or '$':
                    _i++;
                    return Epsilon();
                case '*' or '+' or '?' or ')':
                    throw new FormatException($"'{c}' where an atom was expected");
                default:
                    _i++;
                    return Edge(Literal(c));
            }
        }

        /// <summary>One step over a set of symbols; null for any character (a wild state).</summary>
        private (int Start, int End) Edge(HashSet<char>? set)
        {
            int s = State(), e = State();
            if (set is null)
            {
                Wild.Add(s);
            }
            else
            {
                Edges[s].Add((set, e));
            }

            return (s, e);
        }

        private (int Start, int End) Group()
        {
            _i++; // (
            bool lookaround = false;
            if (_i < _p.Length && _p[_i] == '?')
            {
                _i++;
                var rest = _p.AsSpan(_i);
                if (rest.StartsWith("<=") || rest.StartsWith("<!"))
                {
                    lookaround = true;
                    _i += 2;
                }
                else if (rest.Length > 0 && rest[0] is '=' or '!')
                {
                    lookaround = true;
                    _i++;
                }
                else if (rest.Length > 0 && rest[0] is '<' or '\'')
                {
                    char close = rest[0] == '<' ? '>' : '\'';
                    _i = _p.IndexOf(close, _i + 1) + 1;
                    if (_i == 0)
                    {
                        throw new FormatException("unclosed group name");
                    }
                }
                else if (rest.Length > 0 && rest[0] is '(' or '#')
                {
                    throw new FormatException("conditional or comment group");
                }
                else
                {
                    // Inline options ("?:", "?-i:", "?>"): the same strings, case ignored throughout.
                    while (_i < _p.Length && _p[_i] is not (':' or ')' or '>'))
                    {
                        _i++;
                    }

                    if (_i < _p.Length && _p[_i] == ')')
                    {
                        _i++;
                        return Epsilon(); // "(?i)" alone
                    }

                    _i++;
                }
            }

            var inner = Alternation();
            if (_i >= _p.Length || _p[_i] != ')')
            {
                throw new FormatException("unclosed group");
            }

            _i++;
            return lookaround ? Epsilon() : inner;
        }

        private HashSet<char>? Class()
        {
            _i++; // [
            if (_i < _p.Length && _p[_i] == '^')
            {
                SkipClass();
                return null; // a negated class: nearly anything
            }

            var set = new HashSet<char>();
            bool any = false, first = true;
            while (_i < _p.Length && (_p[_i] != ']' || first))
            {
                first = false;
                char c = _p[_i];
                if (c == '\\')
                {
                    int at = _i;
                    var (s, _) = Escape();
                    if (Edges[s].Count == 0)
                    {
                        if (Wild.Contains(s))
                        {
                            any = true;
                        }
                        else if (!(at + 1 < _p.Length && _p[at + 1] == 'b'))
                        {
                            throw new FormatException("escape in a class");
                        }
                    }
                    else
                    {
                        set.UnionWith(Edges[s][0].Set);
                    }

                    continue;
                }

                if (c == '[')
                {
                    throw new FormatException("class subtraction or nested class");
                }

                _i++;
                if (_i + 1 < _p.Length && _p[_i] == '-' && _p[_i + 1] != ']')
                {
                    char to = _p[_i + 1];
                    _i += 2;
                    if (to < c)
                    {
                        throw new FormatException("reversed range");
                    }

                    for (int x = c; x <= to; x++)
                    {
                        any |= AddLiteral(set, (char)x);
                    }
                }
                else
                {
                    any |= AddLiteral(set, c);
                }
            }

            if (_i >= _p.Length)
            {
                throw new FormatException("unclosed class");
            }

            _i++; // ]
            return any ? null : set;
        }

        private void SkipClass()
        {
            bool first = true;
            while (_i < _p.Length && (_p[_i] != ']' || first))
            {
                first = false;
                _i += _p[_i] == '\\' ? 2 : 1;
            }

            if (_i >= _p.Length)
            {
                throw new FormatException("unclosed class");
            }

            _i++;
        }

        private (int Start, int End) Escape()
        {
            if (_i + 1 >= _p.Length)
            {
                throw new FormatException("trailing backslash");
            }

            char e = _p[_i + 1];
            _i += 2;
            return e switch
            {
                'd' => Edge(['0']),
                's' or 't' or 'n' or 'r' or 'f' or 'v' => Edge([' ']),
                'b' or 'B' or 'G' or 'A' or 'z' or 'Z' => Epsilon(),
                _ when char.IsAsciiLetterOrDigit(e) => Edge(null), // \w, \S, \p{..}, \x.., \u...., a back reference: anything
                _ => Edge(Literal(e)),
            };
        }

        /// <summary>The symbols a literal pattern character matches, ignoring case; null when that is not modelled.</summary>
        private static HashSet<char>? Literal(char c)
        {
            var set = new HashSet<char>();
            return AddLiteral(set, c) ? null : set;
        }

        /// <summary>Adds the symbol of <paramref name="c"/>; true when it may match what symbols do not model (a cased letter outside ASCII).</summary>
        private static bool AddLiteral(HashSet<char> set, char c)
        {
            if (c < '\x80')
            {
                if (Symbol(c) is >= 0 and var s)
                {
                    set.Add((char)s);
                }

                return false;
            }

            // Outside ASCII: a character without case (年, ’, –) never matches an ASCII one; a cased letter might
            // (the Kelvin sign matches 'k' when case is ignored).
            return char.IsUpper(c) || char.IsLower(c) || char.ToLowerInvariant(c) != c || char.ToUpperInvariant(c) != c;
        }
    }
}
