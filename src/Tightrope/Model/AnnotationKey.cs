namespace Tightrope.Model;

/// <summary>
/// A typed, keyed slot on <see cref="Article"/> for a capability's records (Markdig's <c>DataKey</c>, spaCy's extension
/// attributes): a capability declares its key once, in its own folder, and reads and writes its records through it;
/// nothing central changes when a capability is added. Keys are compared by identity; the name is for messages and storage.
/// </summary>
public abstract class AnnotationKey
{
    private static int s_count;

    private protected AnnotationKey(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        Index = Interlocked.Increment(ref s_count) - 1;
    }

    /// <summary>Short, unique, lower-case name ("mentions", "figures").</summary>
    public string Name { get; }

    /// <summary>Position of the slot in every article's slot array (keys are few and made once, at start-up).</summary>
    internal int Index { get; }

    internal static int Count => Volatile.Read(ref s_count);

    internal abstract object Create();

    public override string ToString() => Name;
}

/// <summary>A slot holding a <typeparamref name="T"/>, created empty the first time it is read.</summary>
public sealed class AnnotationKey<T>(string name, Func<T> create) : AnnotationKey(name)
    where T : class
{
    internal override object Create() => create();
}
