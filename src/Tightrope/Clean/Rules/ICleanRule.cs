namespace Tightrope.Clean;

/// <summary>
/// One cleaning rule: it reads the raw text and the lines of a <see cref="CleanPlan"/> and adds what it finds
/// (removals, marks, edits). The clean stage runs the rules in a fixed order (<see cref="TextCleaner.Rules"/>); a rule
/// sees what the rules before it removed (<see cref="LineInfo.Removed"/>, the kept part of each line).
/// </summary>
internal interface ICleanRule
{
    void Apply(CleanPlan plan);
}
