namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>A problem with one row (or element) of an imported file.</summary>
/// <param name="Row">The 1-based line number where the row starts (line 1 of a CSV file is its header).</param>
/// <param name="Column">The column or attribute concerned, when there is one.</param>
/// <param name="Message">What is wrong, in plain English.</param>
public sealed record FlowImportError(long Row, string? Column, string Message)
{
    /// <inheritdoc />
    public override string ToString() => Column is null ? $"row {Row}: {Message}" : $"row {Row}, {Column}: {Message}";
}

/// <summary>What reading one file did: how many rows, how many records added, every error and every unknown kind.</summary>
public sealed class FlowImportReport
{
    /// <summary>The most errors listed; more are counted in <see cref="ErrorCount"/> but not kept.</summary>
    public const int MaxListedErrors = 1000;

    private readonly List<FlowImportError> _errors = [];

    /// <summary>The file's name as given.</summary>
    public string? Source { get; init; }

    /// <summary>Data rows (CSV), events (XES, OCEL) read.</summary>
    public long Rows { get; set; }

    /// <summary>Records added to the log (0 when the file was rejected).</summary>
    public long Added { get; set; }

    /// <summary>Cases (XES traces) or people read.</summary>
    public long Cases { get; set; }

    /// <summary>The errors, in file order (the first <see cref="MaxListedErrors"/>).</summary>
    public IReadOnlyList<FlowImportError> Errors => _errors;

    /// <summary>How many errors there were in all.</summary>
    public long ErrorCount { get; private set; }

    /// <summary>Kind values the mapping did not know, mapped to <see cref="ActivityKind.Other"/>, with how many rows had each.</summary>
    public SortedDictionary<string, long> UnknownKinds { get; } = new(StringComparer.Ordinal);

    /// <summary>Things worth knowing that are not errors (times read as UTC because they had no offset, classifiers found...).</summary>
    public List<string> Notes { get; } = [];

    /// <summary>True when the file was rejected: nothing from it was added.</summary>
    public bool Rejected { get; set; }

    /// <summary>Records an error.</summary>
    public void AddError(long row, string? column, string message)
    {
        ErrorCount++;
        if (_errors.Count < MaxListedErrors)
        {
            _errors.Add(new FlowImportError(row, column, message));
        }
    }

    /// <summary>Counts a kind value that was not recognised.</summary>
    public void AddUnknownKind(string value) => UnknownKinds[value] = UnknownKinds.GetValueOrDefault(value) + 1;
}

/// <summary>A file that cannot be read at all (not the format, a refused DTD, too large once decompressed...).</summary>
/// <param name="message">What is wrong.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class FlowFormatException(string message, Exception? inner = null) : Exception(message, inner);
