using Tightrope.Model;

namespace Tightrope.Clean;

/// <summary>
/// Rules that recognise a whole line (or one sentence) of extracted text as noise: bylines, copyright notices,
/// captions, site chrome, social prompts and SEO filler. Each rule is a general pattern, in several languages.
/// </summary>
internal static class LineRules
{
    /// <summary>Words that make a line or sentence a copyright or reproduction notice.</summary>
    private static readonly string[] CopyrightMarkers =
    
        [
            "copyright", "©", "all rights reserved", "not be reproduced", "may not be republished", "not be redistributed",
            "reproduced without", "reproduction without", "without authorization", "without authorisation",
            "without prior permission", "without permission", "prohibited from reproduc", "reprint without",
            "legal liability", "republished here", "republished under", "republished with", "reprinted with permission",
            "reprinted here", "content-sharing arrangement", "content-sharing agreement", "content sharing agreement",
            "무단전재", "무단 전재", "재배포 금지", "재배포금지", "저작권", "版权所有", "版權所有",
            "未经授权", "未經授權", "不得转载", "禁止转载", "转载请注明", "無断転載", "無断複製", "著作権",
        ];

    /// <summary>Words of notices that travel with a copyright line: disclaimers, "exclusive article of".</summary>
    private static readonly string[] NoticeMarkers =
    
        [
            "this article", "this story", "this report", "the author's", "personal opinion",
            "does not represent", "do not represent", "do not necessarily", "does not necessarily", "exclusive manuscript",
            "exclusive article", "originally published", "first published", "first appeared", "views expressed",
            "opinions expressed", "本文", "이 기사",
        ];

    /// <summary>Social and subscription prompts ("Follow us on ...", "Subscribe to our newsletter").</summary>
    private static readonly string[] PromptStarts =
    [
        "follow ", "subscribe", "sign up", "like us", "join us", "download our", "download the", "scan the",
        "share this", "share on", "click here", "tap here", "read more", "for more news", "get the latest",
        "listen to this", "don't miss", 
    ];

    private static readonly string[] PlatformWords =
    
        [
            "wechat", "weibo", "twitter", "facebook", "instagram", "telegram", "youtube", "tiktok", "newsletter",
            "official account", "public account", " app", "channel", "kakao", "naver", "linkedin", "rss", "podcast",
            "interesting articles", "updates", "our site", "our website", "notifications",
        ];

    /// <summary>Site chrome on short lines: font-size widgets, share bars, print and comment buttons.</summary>
    private static readonly string[] ChromeMarkers =
    
        [
            "font size", "text size", "글자크기", "글자 크기", "字号", "字體", "字体大小", "文字サイズ", "공유하기",
            "구독하기", "기사 원문", "본문 듣기", "가장 빠른 뉴스", "advertisement", "sponsored content", "copy link",
            "listen to this article", "print this", "email this", "share this article", "more from this",
            "all comments", "reader comments", "打印本页", "分享到", "关注我们", "返回顶部", "シェア",
        ];

    /// <summary>Search-engine filler that announces content instead of giving it.</summary>
    private static readonly string[] SeoMarkers =
    
        [
            "what you need to know", "everything you need to know", "here's a breakdown", 
            "here's what", "here's everything", "key takeaways",
            "let's dive", "let's take a look", "read on to", "in this article, we",
            "in this article we", "stay tuned", "without further ado", "you won't believe", 
        ];

    /// <summary>Headers that open a list of related links.</summary>
    private static readonly string[] RelatedHeaders =
    [
        "related", "related articles", "related stories", "related news", "related content", "more from", "more on this",
        "read more", "see also", "you may also like", "you might also like", "recommended", "most read", "most popular",
        "top stories", "관련기사", "관련 기사", "많이 본 뉴스", "相关阅读", "相关新闻", "推荐阅读", "相關新聞", "関連記事",
    ];

    private static readonly string[] CaptionQualifiers =
    [
        "file", "information", "data", "archive", "archived", "handout", "courtesy", "stock", "screenshot", "top", "above",
        "below", "main", "featured", "cover", "header", "lead", "reference",
    ];

    private static readonly string[] CaptionNouns =
    [
        "picture", "pictures", "photo", "photos", "image", "images", "pic", "photograph", "photographs", "video", "footage",
        "graphic", "illustration", "caption", "map", "chart",
    ];

    private static readonly string[] CaptionNativeStarts = ["资料图", "图为", "图片来源", "圖為", "사진=", "사진 =", "사진:", "写真=", "写真："];

    private static readonly string[] BylineRoles =
    [
        "columnist", "reporter", "correspondent", "writer", "editor", "contributor", "staff", "text/", "text /", "文/",
        "文 /", "记者", "記者", "기자", "특파원", "by ",
    ];

    public const int Copyright = 1;
    public const int Notice = 2;
    public const int Platform = 4;
    public const int Chrome = 8;
    public const int Seo = 16;

    private static readonly PhraseMatcher Markers = new(
        (CopyrightMarkers, Copyright), (NoticeMarkers, Notice), (PlatformWords, Platform), (ChromeMarkers, Chrome), (SeoMarkers, Seo));

    /// <summary>The marker flags (<see cref="Copyright"/>, <see cref="Notice"/>, ...) found in the text.</summary>
    public static int Match(ReadOnlySpan<char> text) => Markers.Match(text);

    public static bool IsCopyright(ReadOnlySpan<char> text) => (Match(text) & Copyright) != 0;

    /// <summary>"Follow X on WeChat ...", "Subscribe to our newsletter".</summary>
    public static bool IsPrompt(ReadOnlySpan<char> sentence)
    {
        foreach (var start in PromptStarts)
        {
            if (sentence.StartsWith(start, StringComparison.OrdinalIgnoreCase))
            {
                return (Match(sentence) & Platform) != 0 || Words.Count(sentence) <= 6;
            }
        }

        return false;
    }

    /// <summary>"As a former official with decades in Asia, I can tell you ...": a first-person persona claim.</summary>
    public static bool IsPersona(ReadOnlySpan<char> sentence)
    {
        if (!sentence.StartsWith("As a ", StringComparison.Ordinal) && !sentence.StartsWith("As an ", StringComparison.Ordinal))
        {
            return false;
        }

        int comma = sentence.IndexOf(',');
        if (comma < 0 || comma > 160)
        {
            return false;
        }

        var after = sentence[(comma + 1)..].TrimStart();
        return after.StartsWith("I ", StringComparison.Ordinal) || after.StartsWith("I'", StringComparison.Ordinal)
            || after.StartsWith("I’", StringComparison.Ordinal) || after.StartsWith("my ", StringComparison.Ordinal)
            || after.StartsWith("we ", StringComparison.Ordinal);
    }

    /// <summary>The length of a bracketed byline that opens a line ("[Text/Site columnist Name]"), or 0.</summary>
    public static int BracketBylineLength(ReadOnlySpan<char> line)
    {
        if (line.Length < 4 || line[0] is not ('[' or '【' or '('))
        {
            return 0;
        }

        char close = line[0] switch { '[' => ']', '【' => '】', _ => ')' };
        int end = line[..Math.Min(line.Length, 100)].IndexOf(close);
        if (end < 2)
        {
            return 0;
        }

        var inner = line[1..end];
        if (Words.Count(inner) > 8)
        {
            return 0;
        }

        foreach (var role in BylineRoles)
        {
            if (inner.Contains(role, StringComparison.OrdinalIgnoreCase))
            {
                return end + 1;
            }
        }

        return 0;
    }

    /// <summary>"BY NAME [email]", "By Jane Doe, Reuters", "Reporting by ...", "홍길동 기자".</summary>
    public static bool IsBylineLine(ReadOnlySpan<char> line, int words)
    {
        if (words == 0 || words > 12)
        {
            return false;
        }

        if (line.Length > 3 && (line.StartsWith("By ", StringComparison.Ordinal) || line.StartsWith("BY ", StringComparison.Ordinal))
            && char.IsUpper(line[3]))
        {
            return true;
        }

        if (line.StartsWith("(Reporting by", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Reporting by", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Editing by", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Writing by", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("Additional reporting", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (words <= 6 && (line.EndsWith("기자", StringComparison.Ordinal) || line.Contains("记者", StringComparison.Ordinal)
            || line.Contains("記者", StringComparison.Ordinal)))
        {
            return true;
        }

        return words <= 8 && HasEmail(line) && !Words.EndsSentence(line);
    }

    private static bool HasEmail(ReadOnlySpan<char> line)
    {
        int at = line.IndexOf('@');
        return at > 0 && at < line.Length - 3 && char.IsLetterOrDigit(line[at - 1]) && line[(at + 1)..].IndexOf('.') > 0;
    }

    /// <summary>An image caption or credit line: "File picture: ...", "Photo by ...", "Information picture of ...".</summary>
    public static bool IsCaption(ReadOnlySpan<char> line, int words)
    {
        if (words > 60)
        {
            return false;
        }

        foreach (var start in CaptionNativeStarts)
        {
            if (line.StartsWith(start, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var rest = line;
        var first = Words.Next(ref rest);
        var second = Words.Next(ref rest);
        if (IsOneOf(first, CaptionQualifiers) && IsOneOf(second, CaptionNouns))
        {
            return true;
        }

        if (IsOneOf(first, CaptionNouns))
        {
            // "Photo: ...", "Photo by ...", "Image courtesy of ...": the noun is followed by a credit, not a verb.
            int after = first.Length;
            var tail = line[Math.Min(after, line.Length)..];
            if (tail.StartsWith(':') || tail.StartsWith('=') || tail.StartsWith('|') || tail.StartsWith(" :")
                || tail.StartsWith(" by ", StringComparison.OrdinalIgnoreCase)
                || tail.StartsWith(" courtesy", StringComparison.OrdinalIgnoreCase)
                || tail.StartsWith(" credit", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Related articles", "관련기사", "推荐阅读": a header that opens a list of links.</summary>
    public static bool IsRelatedHeader(ReadOnlySpan<char> line)
    {
        var t = line.TrimEnd(":：>»›-—|".AsSpan()).Trim();
        foreach (var h in RelatedHeaders)
        {
            if (t.Equals(h, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        // "More from The Herald:", "More on North Korea", "Related coverage:": a header phrase and a short name.
        if (t.Length < line.Trim().Length || !Words.EndsSentence(line.Trim()))
        {
            foreach (var h in RelatedHeaderStarts)
            {
                if (t.StartsWith(h, StringComparison.OrdinalIgnoreCase) && t.Length > h.Length && t[h.Length] == ' '
                    && t.Count(' ') <= 8)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Header phrases that are followed by a name: "More from The Herald", "More on North Korea".</summary>
    private static readonly string[] RelatedHeaderStarts =
        ["more from", "more on", "more stories from", "more news from", "related", "read more from", "also from", "latest from"];

    /// <summary>The length of a list-bullet marker at the start of a line ("- ", "* ", "• "), or 0.</summary>
    public static int BulletLength(ReadOnlySpan<char> line)
    {
        if (line.Length >= 2 && line[0] is '-' or '*' or '•' or '·' or '▪' or '▶' or '►' or '–' or '—' or '■' or '□' or '◆' or '○' or '●'
            && line[1] == ' ')
        {
            return 2;
        }

        return line.Length >= 1 && line[0] is '▶' or '►' or '■' or '◆' or '●' ? 1 : 0;
    }

    private static bool IsOneOf(ReadOnlySpan<char> word, string[] set)
    {
        var w = word.TrimEnd(":：=".AsSpan());
        foreach (var s in set)
        {
            if (w.Equals(s, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The kind a single short line of noise belongs to, or null when it is body text.</summary>
    public static (RemovalKind Kind, string Reason)? ClassifyLine(ReadOnlySpan<char> line, int words)
    {
        int flags = words <= 30 ? Match(line) : 0;
        if ((flags & Copyright) != 0)
        {
            return (RemovalKind.Copyright, "copyright or reproduction notice");
        }

        if (IsBylineLine(line, words))
        {
            return (RemovalKind.Byline, "byline");
        }

        if (IsCaption(line, words))
        {
            return (RemovalKind.Boilerplate, "image caption or credit");
        }

        if (words <= 12 && (flags & Chrome) != 0)
        {
            return (RemovalKind.Boilerplate, "site chrome");
        }

        if (words <= 25 && IsPrompt(line))
        {
            return (RemovalKind.Boilerplate, "social or subscription prompt");
        }

        if ((flags & Seo) != 0)
        {
            return (RemovalKind.Boilerplate, "SEO filler");
        }

        return null;
    }
}
