using Tightrope.Model;

namespace Tightrope.Actors;

/// <summary>
/// What the text says of a provisional person (a person the knowledge base does not know): the name as first written
/// in full and the role and organisation given around it ("State Department spokesperson", "chairperson of the ...").
/// </summary>
public static class ProvisionalPeople
{
    private const int MaxRoleWords = 8;

    /// <summary>The article's first full-name mention of the provisional person <paramref name="normalized"/> (its <see cref="Mention.Normalized"/>).</summary>
    public static Mention? FirstFullName(IReadOnlyList<Mention> mentions, string normalized)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        Mention? first = null;
        foreach (var m in mentions)
        {
            if (m.IsProvisionalPerson && string.Equals(m.Normalized, normalized, StringComparison.Ordinal))
            {
                if (m.Kind == MentionKind.Name)
                {
                    return m;
                }

                first ??= m;
            }
        }

        return first;
    }

    /// <summary>The role the text gives the name at <paramref name="span"/>: the title words before it, else an apposition after it; null when none.</summary>
    public static string? RoleAt(string text, TextSpan span)
    {
        ArgumentNullException.ThrowIfNull(text);
        return RoleBefore(text, span.Start) ?? RoleAfter(text, span.End);
    }

    /// <summary>"US State Department spokesperson [Jane Roe]": capitalised words and role words right before the name.</summary>
    private static string? RoleBefore(string text, int start)
    {
        int from = start, words = 0;
        bool roleWord = false;
        int p = start;
        while (words < MaxRoleWords)
        {
            int end = p;
            while (end > 0 && text[end - 1] == ' ')
            {
                end--;
            }

            if (end == p || end == 0)
            {
                break;
            }

            int begin = end;
            while (begin > 0 && (char.IsLetter(text[begin - 1]) || text[begin - 1] is '-' or '.' or '\''))
            {
                begin--;
            }

            if (begin == end)
            {
                break;
            }

            var word = text.AsSpan(begin, end - begin).TrimEnd('.');
            if (word.IsEmpty)
            {
                break;
            }

            var norm = word.ToString().ToLowerInvariant();
            bool isRole = ActorLists.PersonNouns.Contains(norm) || ActorLists.TitleWords.Contains(norm);
            if (!(char.IsUpper(word[0]) && !FunctionWord(norm)) && !isRole)
            {
                break;
            }

            roleWord |= isRole;
            from = begin;
            p = begin;
            words++;
        }

        return words > 0 && roleWord ? text[from..start].Trim() : null;
    }

    private static bool FunctionWord(string norm) =>
        ActorLists.Determiners.Contains(norm) || ActorLists.Quantifiers.Contains(norm) || ActorLists.Locatives.Contains(norm) || ActorLists.SpeechVerbs.Contains(norm);

    /// <summary>"of the Ministry of Foreign Affairs and ...": the capitalised name with its inner "of", "the", "for".</summary>
    private static string? OrganisationAfterOf(ReadOnlySpan<char> rest)
    {
        int end = 0, good = 0;
        bool capital = false;
        foreach (var range in rest.Split(' '))
        {
            var w = rest[range];
            var bare = w.TrimEnd(",.;:)\"”’".AsSpan());
            bool keep = bare.Length > 0 && (char.IsUpper(bare[0]) || bare is "of" or "the" or "for" or "on");
            if (!keep)
            {
                break;
            }

            end = range.Start.Value + bare.Length;
            if (char.IsUpper(bare[0]))
            {
                capital = true;
                good = end;
            }

            if (bare.Length < w.Length)
            {
                break;
            }
        }

        return capital ? rest[..good].ToString() : null;
    }

    /// <summary>"[Jane Roe], a resident of ..." or "[Jane Roe] of the Ministry of ...": the apposition's clause.</summary>
    private static string? RoleAfter(string text, int end)
    {
        var rest = text.AsSpan(end);
        bool of = rest.StartsWith(" of ", StringComparison.Ordinal);
        if (!of && !rest.StartsWith(", ", StringComparison.Ordinal))
        {
            return null;
        }

        rest = rest[(of ? 4 : 2)..];
        if (of)
        {
            return OrganisationAfterOf(rest);
        }

        int stop = rest.IndexOfAny(",.;:()\n\"“”");
        var clause = (stop < 0 ? rest : rest[..stop]).Trim();
        if (clause.IsEmpty || char.IsAsciiDigit(clause[0]))
        {
            return null;
        }

        int space = clause.IndexOf(' ');
        var first = (space < 0 ? clause : clause[..space]).ToString().ToLowerInvariant();
        bool role = of || first is "a" or "an" or "the" || ActorLists.TitleWords.Contains(first) || ActorLists.PersonNouns.Contains(first);
        if (!role || first is "left" or "right" or "center" or "centre" || clause.Count(' ') >= 12)
        {
            return null;
        }

        return clause.ToString();
    }
}
