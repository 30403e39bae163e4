using System.Text;
using Tightrope.Actors;
using Tightrope.Figures.Recognition;
using Tightrope.Model;

namespace Tightrope.Figures;

internal sealed partial class FigureAnnotator
{
    /// <summary>
    /// The state of one article's annotation: the figures so far, what was found once for all of them, and word
    /// buffers. One per thread (<see cref="t_run"/>), started anew for each article: its buffers are kept, so an
    /// article allocates little more than its figures.
    /// </summary>
    private sealed class Run
    {
        private readonly List<NumberMatch> _numbers = new(256);
        private int[] _indexMap = new int[64];
        private string?[] _measures = new string?[64];
        private bool[] _sentenceCues = [];
        private bool[] _sentenceCuesRead = [];
        private bool[] _contexts = [];
        private bool[] _contextsRead = [];
        private bool _orderRead;
        private MentionOrder? _order;
        private List<Mention>? _mentions;

        public Article Article { get; private set; } = null!;
        public string Text { get; private set; } = "";
        public List<Sentence> Sentences { get; private set; } = [];
        public List<RecognizedFigure> Recognized { get; } = new(64);
        /// <summary>The article's date as the year figures without one of their own speak of; none when the date is rough.</summary>
        public DateOnly? Date { get; private set; }

        /// <summary>The date whose exchange rate converts money without a period of its own (a rough date is still the best guess).</summary>
        public DateOnly? RateDate { get; private set; }
        public List<Figure> Figures { get; private set; } = [];
        /// <summary>For each recognised figure, the index of its figure in <see cref="Figures"/> (-1: none); the first <see cref="Recognized"/>.Count are this article's.</summary>
        public int[] IndexMap => _indexMap;
        public string?[] Measures => _measures;
        /// <summary>How many indicators there are: the length of each sentence's row of flags.</summary>
        public int IndicatorCount { get; private set; }
        /// <summary>A buffer of flags for one clause, valid until the next call that fills it.</summary>
        public bool[] InClause { get; private set; } = [];
        public List<Mention> Mentions => _mentions ??= Article.Mentions;

        /// <summary>Whether (and how) the mentions are in order of start; read on the first ask.</summary>
        public MentionOrder? MentionOrder
        {
            get
            {
                if (!_orderRead)
                {
                    _orderRead = true;
                    _order = FigureAnnotator.MentionOrder.Of(Mentions);
                }

                return _order;
            }
        }

        /// <summary>Where the indicators' cues and context phrases are in the article, read as they are asked for.</summary>
        public PhraseMatches CueMatches { get; } = new();
        public PhraseMatches ContextMatches { get; } = new();
        /// <summary>Where the words of a measure are joined (one builder for the thread: only the measure is allocated).</summary>
        public StringBuilder Builder { get; } = new(128);
        public Words Tail => field ??= new Words(Builder);
        public Words More => field ??= new Words(Builder);
        public Words Before => field ??= new Words(Builder);
        public Words Head => field ??= new Words(Builder);
        public YearMentions Years { get; } = new();

        /// <summary>Starts the run on an article: its numbers recognised, every per-article answer forgotten.</summary>
        public void Start(Article article, int indicatorCount, CueIndex cues, CueIndex contexts)
        {
            Article = article;
            Text = article.Text;
            Sentences = article.Sentences;
            Date = ArticleDate.ReadingDate(article.Date, article.Metadata.Published);
            RateDate = article.Date?.Date ?? article.Metadata.Published;
            _numbers.Clear();
            NumberExtractor.Extract(Text, _numbers);
            FigureRecognizer.Recognize(Text, _numbers, Recognized);
            int n = Recognized.Count;
            Figures = new List<Figure>(n);
            if (_indexMap.Length < n)
            {
                _indexMap = new int[Math.Max(n, _indexMap.Length * 2)];
                _measures = new string?[_indexMap.Length];
            }

            Array.Clear(_measures, 0, n);
            _mentions = null;
            _orderRead = false;
            _order = null;
            IndicatorCount = indicatorCount;
            if (InClause.Length != indicatorCount)
            {
                InClause = new bool[indicatorCount];
            }

            int rows = Sentences.Count + 1;
            Reset(ref _sentenceCues, ref _sentenceCuesRead, rows, indicatorCount);
            Reset(ref _contexts, ref _contextsRead, rows, indicatorCount);
            CueMatches.Start(cues, Text, Sentences);
            ContextMatches.Start(contexts, Text, Sentences);
            Years.Sentence = new TextSpan(-1, -1);
            Years.List.Clear();
        }

        /// <summary>
        /// Which indicators have a cue in each sentence, by sentence index + 1 (0: outside every sentence): the row
        /// and whether it was filled already.
        /// </summary>
        public Span<bool> SentenceCues(int row, out bool known) => Row(_sentenceCues, _sentenceCuesRead, row, out known);

        /// <summary>Which indicators have a context phrase near each sentence (in it or the two before), by sentence index + 1.</summary>
        public Span<bool> Contexts(int row, out bool known) => Row(_contexts, _contextsRead, row, out known);

        private Span<bool> Row(bool[] flags, bool[] read, int row, out bool known)
        {
            known = read[row];
            read[row] = true;
            return flags.AsSpan(row * IndicatorCount, IndicatorCount);
        }

        private static void Reset(ref bool[] flags, ref bool[] read, int rows, int width)
        {
            if (read.Length < rows)
            {
                read = new bool[Math.Max(rows, read.Length * 2)];
            }

            if (flags.Length < read.Length * width)
            {
                flags = new bool[read.Length * width];
            }

            Array.Clear(read, 0, rows);
            Array.Clear(flags, 0, rows * width);
        }
    }
}
