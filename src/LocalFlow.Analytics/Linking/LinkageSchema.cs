namespace LocalFlow.Analytics.Linking;

/// <summary>One comparison of the model (for example "surname") and its agreement levels.</summary>
/// <param name="Name">Short name shown in explanations.</param>
/// <param name="Levels">Level labels, strongest agreement first, plain disagreement last.</param>
/// <param name="TermFrequencyLevel">Index of the level whose weight is adjusted for how common the value is (-1: none).</param>
/// <param name="InitialM">Starting m-probabilities for EM, one per level (they need not sum to 1; they are normalised).</param>
/// <param name="Weak">True for a field that must never be the only evidence for a link (sex).</param>
/// <param name="DefaultU">
/// Typical u-probabilities (from a large population), blended into the random-pair estimate when the data are too small
/// to estimate u on their own; null: no prior.
/// </param>
/// <param name="Shared">True for a field members of one household share (surname, address, phone, e-mail).</param>
/// <param name="HouseholdLevel">
/// For address, phone and e-mail: the level that shows two records live in one household (same address, same phone,
/// same e-mail), -1 for other comparisons. A pair at that level on any of them is scored as a household pair.
/// </param>
/// <param name="TellsApart">
/// True for what tells members of one household apart (given name, date of birth): a record lacking it cannot be told
/// apart from two members who differ only there (see <see cref="LinkageOptions.AmbiguityMargin"/>).
/// </param>
public sealed record ComparisonInfo(string Name, IReadOnlyList<string> Levels, int TermFrequencyLevel, IReadOnlyList<double> InitialM, bool Weak = false, IReadOnlyList<double>? DefaultU = null, bool Shared = false, int HouseholdLevel = -1, bool TellsApart = false)
{
    /// <summary>True when two records at this level show one household (<see cref="HouseholdLevel"/>).</summary>
    public bool ShowsHousehold(int level) => level >= 0 && level == HouseholdLevel;
}

/// <summary>
/// The records to link, prepared for one way of comparing them (clear text, or Bloom-filter encodings). The engine
/// (<see cref="Linker"/>) only talks to this: blocking keys, comparison levels, term-frequency keys and display text.
/// </summary>
public abstract class LinkageSchema
{
    /// <summary>Level value meaning "unknown": one or both records lack the field; its weight is 0.</summary>
    public const byte Unknown = 255;

    /// <summary>The comparisons, in the order <see cref="Compare"/> fills levels.</summary>
    public abstract IReadOnlyList<ComparisonInfo> Comparisons { get; }

    /// <summary>Names of the blocking rules, in the order they are applied (a pair is produced by the first rule it satisfies only).</summary>
    public abstract IReadOnlyList<string> BlockingRules { get; }

    /// <summary>
    /// How many of the first blocking rules are keyed on the date of birth; the others are keyed on where and how a person
    /// is reached and on ids. The quality report sets the two groups against each other (capture–recapture) to estimate
    /// the matches blocking never paired. 0: not estimated.
    /// </summary>
    public virtual int DateOfBirthRules => 0;

    /// <summary>
    /// For each blocking rule, the comparisons its key decides (for example postcode and address for the postcode rule).
    /// EM on a rule's pairs leaves those comparisons out, because within a block they agree by construction.
    /// </summary>
    public abstract IReadOnlyList<int[]> BlockedComparisons { get; }

    /// <summary>How many records.</summary>
    public abstract int Count { get; }

    /// <summary>The source names, in index order.</summary>
    public abstract IReadOnlyList<string> Sources { get; }

    /// <summary>The index into <see cref="Sources"/> of a record's source.</summary>
    public abstract int SourceIndex(int record);

    /// <summary>A record's id inside its source.</summary>
    public abstract string RecordId(int record);

    /// <summary>The record's key for a blocking rule; 0 means the record has no key for that rule (it is not blocked by it).</summary>
    public abstract ulong BlockingKey(int rule, int record);

    /// <summary>Fills <paramref name="levels"/> (one per comparison) with the agreement level of two records, or <see cref="Unknown"/>.</summary>
    public abstract void Compare(int a, int b, Span<byte> levels);

    /// <summary>Key of the value used for term-frequency adjustment of a comparison (0: none).</summary>
    public abstract ulong TermKey(int comparison, int record);

    /// <summary>What a record holds for a comparison, for people to read (clear text) or a short fingerprint (encodings).</summary>
    public abstract string Display(int comparison, int record);

    /// <summary>
    /// A key two records share when they show the same household on a comparison with a <see cref="ComparisonInfo.HouseholdLevel"/>
    /// (the same address, phone or e-mail); 0 when the record has none. Used to measure how people of one household
    /// differ (<see cref="ModelTraining.EstimateHouseholdU"/>).
    /// </summary>
    public virtual ulong HouseholdKey(int comparison, int record) => 0;

    /// <summary>
    /// True when two records at a level other than the comparison's <see cref="ComparisonInfo.HouseholdLevel"/> still show
    /// one household when scored (the same street and house number where one record lacks the postcode). Used by scoring
    /// only: the model's household u and EM keep to the household level.
    /// </summary>
    public virtual bool AlsoShowsHousehold(int comparison, byte level, int a, int b) => false;

    /// <summary>
    /// Why two records with these levels can never be one person, or null: evidence no shared address, phone or name
    /// can outweigh (two different valid NHS numbers, for example).
    /// </summary>
    public virtual string? CannotLinkReason(ReadOnlySpan<byte> levels) => null;

    /// <summary>
    /// As <see cref="CannotLinkReason(ReadOnlySpan{byte})"/>, for two given records: a schema may also use what the levels
    /// do not show, such as whether both come from one source. The scorer asks this one.
    /// </summary>
    public virtual string? CannotLinkReason(int a, int b, ReadOnlySpan<byte> levels) => CannotLinkReason(levels);

    /// <summary>
    /// True when a pair with these levels goes to review instead of being linked, whatever its weight: evidence the
    /// model over-counts in this schema (see <see cref="Privacy.BloomSchema.ReviewOnly"/>). False by default.
    /// </summary>
    public virtual bool ReviewOnly(ReadOnlySpan<byte> levels) => false;

    /// <summary>True when an identifier (NHS number, other id) agrees, exactly or but for a typo.</summary>
    public virtual bool IdentifierAgrees(ReadOnlySpan<byte> levels) => false;

    /// <summary>Problems found in the input, per row.</summary>
    public abstract IReadOnlyList<RecordIssue> Issues { get; }

    /// <summary>FNV-1a 64-bit hash of text with a salt; never 0 (0 means "no key").</summary>
    public static ulong Hash(ReadOnlySpan<char> text, ulong salt)
    {
        var h = 14695981039346656037UL ^ (salt * 0x9E3779B97F4A7C15UL);
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        h ^= h >> 29;
        h *= 0xBF58476D1CE4E5B9UL;
        h ^= h >> 32;
        return h == 0 ? 1 : h;
    }
}

/// <summary>Thrown when the input cannot be linked at all (for example a source with no usable identifier); nothing is changed.</summary>
public sealed class LinkageInputException(string message) : Exception(message);
