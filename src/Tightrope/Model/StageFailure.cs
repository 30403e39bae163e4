namespace Tightrope.Model;

/// <summary>A stage that failed on one article: recorded on the article, the batch goes on.</summary>
public sealed record StageFailure(string Stage, string Message, string? ExceptionType = null);
