namespace Tightrope.Dates;

/// <summary>
/// The characters a match of a regular expression can begin with (lower-cased), read from the expression's text:
/// groups, alternation, quantifiers, classes and escapes of .NET syntax; lookarounds and anchors consume nothing.
/// Anything it does not know makes the answer "any character" (null), so the set is never too small. The date
/// grammar tries a rule only where the text's character is in the rule's set.
/// </summary>
internal static class RegexFirstChars
{
    /// <summary>The first characters of <paramref name="pattern"/>, or null when any character may begin a match.</summary>
    public static HashSet<char>? Of(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        try
        {
            int i = 0;
            var (first, _) = Alternation(pattern, ref i);
            return i == pattern.Length ? first : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // A set of first characters (null: any) and whether the part can match the empty string.
    private static (HashSet<char>? First, bool Nullable) Alternation(string p, ref int i)
    {
        HashSet<char>? first = [];
        bool nullable = false;
        while (true)
        {
            var (f, n) = Sequence(p, ref i);
            first = Union(first, f);
            nullable |= n;
            if (i < p.Length && p[i] == '|')
            {
                i++;
                continue;
            }

            return (first, nullable);
        }
    }

    private static (HashSet<char>? First, bool Nullable) Sequence(string p, ref int i)
    {
        HashSet<char>? first = [];
        bool nullable = true;
        while (i < p.Length && p[i] != '|' && p[i] != ')')
        {
            var (f, n) = Item(p, ref i);
            if (nullable)
            {
                first = Union(first, f);
            }

            nullable &= n;
        }

        return (first, nullable);
    }

    private static (HashSet<char>? First, bool Nullable) Item(string p, ref int i)
    {
        var (first, nullable) = Atom(p, ref i);
        if (i < p.Length && p[i] is '?' or '*')
        {
            nullable = true;
            i++;
        }
        else if (i < p.Length && p[i] == '+')
        {
            i++;
        }
        else if (i < p.Length && p[i] == '{' && Quantifier(p, ref i) is int min)
        {
            nullable |= min == 0;
        }

        if (i < p.Length && p[i] is '?' or '+')
        {
            i++; // lazy or possessive
        }

        return (first, nullable);
    }

    /// <summary>A {m}, {m,} or {m,n} quantifier's minimum, or null when the brace is a literal.</summary>
    private static int? Quantifier(string p, ref int i)
    {
        int close = p.IndexOf('}', i);
        if (close < 0)
        {
            return null;
        }

        var body = p.AsSpan(i + 1, close - i - 1);
        int comma = body.IndexOf(',');
        var minText = comma < 0 ? body : body[..comma];
        if (!int.TryParse(minText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int min))
        {
            return null;
        }

        i = close + 1;
        return min;
    }

    private static (HashSet<char>? First, bool Nullable) Atom(string p, ref int i)
    {
        char c = p[i];
        switch (c)
        {
            case '(':
                return Group(p, ref i);
            case '[':
                return (Class(p, ref i), false);
            case '\\':
                return Escape(p, ref i);
            case '.':
                i++;
                return (null, false);
            case '^' or '$':
                i++;
                return ([], true);
            default:
                i++;
                return (Letter(c), false);
        }
    }

    private static (HashSet<char>? First, bool Nullable) Group(string p, ref int i)
    {
        i++; // (
        bool lookaround = false;
        if (i < p.Length && p[i] == '?')
        {
            i++;
            if (p.AsSpan(i).StartsWith("<=") || p.AsSpan(i).StartsWith("<!"))
            {
                lookaround = true;
                i += 2;
            }
            else if (p[i] is '=' or '!')
            {
                lookaround = true;
                i++;
            }
            else if (p[i] == '<' || p[i] == '\'')
            {
                char end = p[i] == '<' ? '>' : '\'';
                i = p.IndexOf(end, i) + 1;
                if (i == 0)
                {
                    throw new FormatException("unclosed group name");
                }
            }
            else
            {
                // Inline options such as ?: or ?-i: (a group with options), up to the colon.
                while (i < p.Length && p[i] != ':' && p[i] != ')')
                {
                    i++;
                }

                if (i < p.Length && p[i] == ')')
                {
                    i++;
                    return ([], true); // (?i) alone: options for what follows
                }

                i++;
            }
        }

        var inner = Alternation(p, ref i);
        if (i >= p.Length || p[i] != ')')
        {
            throw new FormatException("unclosed group");
        }

        i++;
        return lookaround ? ([], true) : inner;
    }

    private static HashSet<char>? Class(string p, ref int i)
    {
        i++; // [
        if (i < p.Length && p[i] == '^')
        {
            // A negated class: nearly anything.
            while (i < p.Length && p[i] != ']')
            {
                i += p[i] == '\\' ? 2 : 1;
            }

            i++;
            return null;
        }

        var set = new HashSet<char>();
        bool any = false;
        bool firstChar = true;
        while (i < p.Length && (p[i] != ']' || firstChar))
        {
            firstChar = false;
            char c = p[i];
            if (c == '\\')
            {
                var (e, _) = Escape(p, ref i);
                if (e is null)
                {
                    any = true;
                }
                else
                {
                    set.UnionWith(e);
                }

                continue;
            }

            i++;
            if (i + 1 < p.Length && p[i] == '-' && p[i + 1] != ']')
            {
                char to = p[i + 1];
                i += 2;
                for (char x = c; x <= to; x++)
                {
                    set.UnionWith(Letter(x));
                }
            }
            else
            {
                set.UnionWith(Letter(c));
            }
        }

        i++; // ]
        return any ? null : set;
    }

    private static (HashSet<char>? First, bool Nullable) Escape(string p, ref int i)
    {
        if (i + 1 >= p.Length)
        {
            throw new FormatException("trailing backslash");
        }

        char e = p[i + 1];
        i += 2;
        return e switch
        {
            'd' => ([.. "0123456789"], false),
            'w' or 's' or 'W' or 'D' or 'S' or 'p' or 'P' or 'u' or 'x' => (null, false),
            'b' or 'B' or 'G' or 'A' or 'z' or 'Z' => ([], true),
            _ => (Letter(e), false),
        };
    }

    private static HashSet<char> Letter(char c) => [char.ToLowerInvariant(c)];

    private static HashSet<char>? Union(HashSet<char>? a, HashSet<char>? b)
    {
        if (a is null || b is null)
        {
            return null;
        }

        a.UnionWith(b);
        return a;
    }
}
