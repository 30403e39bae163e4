using System.Collections.Concurrent;
using System.Collections.Frozen;
using Tightrope.Knowledge;
using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>
/// Dating evidence from titled names: in an undated article, "President-elect Trump" says the article was written
/// while Trump held a role that title denotes (the knowledge base's dated roles). The dates capability weighs these
/// bounds with the text's own date expressions; roles are then resolved again at the date found.
/// </summary>
internal sealed partial class MentionFinder
{
    /// <summary>
    /// Weight of one titled person's role periods, against 1 for a year the text states and 2 for a recent day: titles
    /// are also used of the past ("during President Trump's term"), so a role weighs less than two dated days.
    /// </summary>
    internal const double RoleBoundWeight = 1.5;

    private static readonly FrozenSet<string> PastTitleWords = LanguageData.English["actors-past-title-words"].Set;
    private static readonly FrozenSet<string> HalfWords = LanguageData.English["actors-term-half-words"].Set;
    internal static bool IsTermHalfWord(string norm) => HalfWords.Contains(norm);

    private static readonly FrozenSet<string> TermNouns = LanguageData.English["actors-term-nouns"].Set;
    private static readonly WordList Counts = LanguageData.English["dates-numbers"];

    /// <summary>
    /// "The Yoon administration, which is halfway through its term", "Moon's five-year term is over half": the
    /// article is dated in the second half of the term of office of the person named last before the phrase, in the
    /// same sentence (the term's length as the text states it, else as the person's role lasted).
    /// </summary>
    private void AddTermBounds(Context cx)
    {
        if (cx.Bounds is not { } bounds || cx.Article.Sentences.Count == 0)
        {
            return;
        }

        var words = cx.Words;
        for (int i = 0; i < words.Count; i++)
        {
            if (!words[i].Info.TermHalf)
            {
                continue;
            }

            int term = -1;
            for (int k = Math.Max(0, i - 4); k < Math.Min(words.Count, i + 5) && term < 0; k++)
            {
                if (TermNouns.Contains(words[k].Norm))
                {
                    term = k;
                }
            }

            if (term < 0)
            {
                continue;
            }

            int sentence = cx.Article.SentenceAt(words[i].Start);
            Mention? person = null;
            foreach (var m in cx.Result)
            {
                if (m.Span.Start >= words[Math.Min(i, term)].Start)
                {
                    break;
                }

                if (m.Sentence == sentence && m.ActorId is { } id && _kb.Find(id) is { Kind: ActorKind.Person })
                {
                    person = m;
                }
            }

            if (person is null || _kb.Find(person.ActorId!) is not { } actor)
            {
                continue;
            }

            // "five-year term": the stated length; the count is two words before the term noun ("five", "year").
            int? years = term >= 2 && words[term - 1].Norm == "year" && Counts.Values.TryGetValue(words[term - 2].Norm, out var n) && int.TryParse(n, out int y) ? y
                : term >= 2 && words[term - 1].Norm == "year" && int.TryParse(words[term - 2].Norm, out int yd) ? yd : null;
            var periods = new List<DatePeriod>();
            foreach (var r in actor.Roles)
            {
                if (r.From is not { } from)
                {
                    continue;
                }

                var end = years is { } ys ? from.AddYears(ys) : r.To;
                if (end is { } e && e > from && (years is null || r.To is null || Math.Abs(r.To.Value.DayNumber - e.DayNumber) < 400))
                {
                    periods.Add(new DatePeriod(DateOnly.FromDayNumber(from.DayNumber + ((e.DayNumber - from.DayNumber) / 2)), e));
                }
            }

            string why = $"the second half of {actor.Name}'s term ('{words[i].Norm}' … '{words[term].Norm}')";
            if (periods.Count > 0 && IndexOfBound(bounds, why) < 0)
            {
                var span = new TextSpan(words[Math.Min(i, term)].Start, words[Math.Max(i, term)].End);
                bounds.Add(new DateBound(span, cx.Article.Text[span.Start..span.End], periods, TermBoundWeight, why));
            }
        }
    }

    /// <summary>Weight of "halfway through the term" of a named person: as specific as a role, and rarer in retrospect.</summary>
    internal const double TermBoundWeight = 2;

    /// <summary>The periods in which the person held a role the cue before the mention denotes; none after "former".</summary>
    private void AddRoleBound(Context cx, Raw raw, Actor actor, TextSpan span)
    {
        if (actor.Kind == ActorKind.Person && cx.Bounds is not null && raw.Cue is { } cue)
        {
            var key = (cue.Phrase, actor.Id, cx.Today);
            if (!_roleBounds.TryGetValue(key, out var bound))
            {
                bound = RoleBoundOf(cue, [actor], actor.Name, cx.Today);
                Remember(_roleBounds, key, bound);
            }

            AddRoleBound(cx, raw, bound, span);
        }
    }

    /// <summary>
    /// A person's role bound under a cue at a day: the same answer for every article of a run (roles change only with
    /// the knowledge base), so it is made once, not once per titled mention; null when no role fits.
    /// </summary>
    private sealed record RoleBound(string Why, IReadOnlyList<DatePeriod> Periods);

    /// <summary>Role bounds by (cue, person id, today).</summary>
    private readonly ConcurrentDictionary<(string Cue, string Id, DateOnly Today), RoleBound?> _roleBounds = new();

    /// <summary>Shared role bounds by (cue, surname, today): the holders' names and their bound.</summary>
    private readonly ConcurrentDictionary<(string Cue, string Surname, DateOnly Today), RoleBound?> _sharedRoleBounds = new();

    /// <summary>Most remembered bounds (surnames come from the text, so the memory is bounded); past it, it starts over.</summary>
    private const int MaxRememberedBounds = 65_536;

    private static void Remember<TKey>(ConcurrentDictionary<TKey, RoleBound?> memory, TKey key, RoleBound? bound)
        where TKey : notnull
    {
        if (memory.Count >= MaxRememberedBounds)
        {
            memory.Clear();
        }

        memory.TryAdd(key, bound);
    }

    /// <summary>The most holders a titled surname may name and still date the article ("President Lee": two presidents).</summary>
    private const int MaxSharedHolders = 3;

    /// <summary>
    /// A titled surname that names nobody without a date ("President Lee": two presidents of that name) still dates
    /// the article: it was written while one of them held the role (the union of their periods).
    /// </summary>
    private void AddSharedRoleBound(Context cx, Raw raw, TextSpan span)
    {
        if (cx.Bounds is null || raw.Cue is not { } cue || raw.Last - raw.First != 1)
        {
            return;
        }

        var surname = cx.Words[raw.First].Norm;
        var key = (cue.Phrase, surname, cx.Today);
        if (!_sharedRoleBounds.TryGetValue(key, out var bound))
        {
            var holders = HoldersEver(cue).Where(a => NameWords(a.Name).Contains(surname)).ToList();
            bound = holders.Count is > 0 and <= MaxSharedHolders ? RoleBoundOf(cue, holders, string.Join(" or ", holders.Select(h => h.Name)), cx.Today) : null;
            Remember(_sharedRoleBounds, key, bound);
        }

        AddRoleBound(cx, raw, bound, span);
    }

    private static HashSet<string> NameWords(string name) =>
        [.. name.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant())];

    /// <summary>How much each further sentence naming the same titled person adds to the bound, and at most.</summary>
    private const double RepeatWeight = 0.1, MaxRepeatWeight = 0.4;

    /// <summary>The periods in which <paramref name="actors"/> held a role <paramref name="cue"/> denotes (an open role lasts to <paramref name="today"/>), with the reason; null when none.</summary>
    private static RoleBound? RoleBoundOf(RoleCue cue, List<Actor> actors, string who, DateOnly today)
    {
        List<DatePeriod>? periods = null;
        string? title = null;
        foreach (var actor in actors)
        {
            foreach (var r in actor.Roles)
            {
                if (!cue.Matches(RoleCue.Fold(r.Title)))
                {
                    continue;
                }

                // A role ends the day its successor's starts: the last day of it is the day before.
                var from = r.From ?? DateOnly.MinValue;
                var to = r.To is { } end ? end.AddDays(-1) : today;
                if (from <= to)
                {
                    (periods ??= []).Add(new DatePeriod(from, to));
                    title ??= r.Title;
                }
            }
        }

        return periods is null
            ? null
            : new RoleBound($"{who} held a role titled '{title}' then ({string.Join(", ", periods.Select(p => $"{p.From:yyyy-MM-dd}..{p.To:yyyy-MM-dd}"))})", periods);
    }

    private static void AddRoleBound(Context cx, Raw raw, RoleBound? bound, TextSpan span)
    {
        if (cx.Bounds is not { } bounds || bound is null)
        {
            return;
        }

        int before = raw.First - raw.Cue!.Tokens.Length - 1;
        if (before >= 0 && PastTitleWords.Contains(cx.Words[before].Norm))
        {
            return;
        }

        string why = bound.Why;
        // One bound per person and title; the same titled name in further sentences ("President Lee" in the headline
        // and through the story) weighs a little more than a title met once.
        int at = IndexOfBound(bounds, why);
        if (at < 0)
        {
            bounds.Add(new DateBound(span, cx.Article.Text[span.Start..span.End], bound.Periods, RoleBoundWeight, why));
            cx.BoundSentences[why] = [cx.Article.SentenceAt(span.Start)];
        }
        else if (cx.BoundSentences.TryGetValue(why, out var seen) && seen.Add(cx.Article.SentenceAt(span.Start))
            && bounds[at].Weight < RoleBoundWeight + MaxRepeatWeight - 1e-9)
        {
            bounds[at] = bounds[at] with { Weight = bounds[at].Weight + RepeatWeight };
        }
    }

    /// <summary>
    /// The bound with this reason, or -1. A loop, not <c>FindIndex</c> with a lambda: the lambda's closure over
    /// <c>why</c> was allocated on every call of the method, bound or not (a fifth of the stage's bytes).
    /// </summary>
    private static int IndexOfBound(List<DateBound> bounds, string why)
    {
        for (int i = 0; i < bounds.Count; i++)
        {
            if (string.Equals(bounds[i].Why, why, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
