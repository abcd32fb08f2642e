using LocalFlow.Analytics.Linking;

namespace LocalFlow.Analytics.Redesign;

/// <summary>
/// The stages of the user pathway from −9 months to 99 years (handbook step 6). The numbers are stored (where a need,
/// a line of money or a building is placed) and never change meaning. Each stage is a span of age, from the first age
/// in it to the first age of the next (see <see cref="Pathway.Stages"/>).
/// </summary>
public enum LifeStage
{
    /// <summary>Pregnancy: from 9 months before birth to birth (midwives, antenatal care).</summary>
    Pregnancy = 1,
    /// <summary>0 to 4: early years, before school (health visitors, children's centres, nurseries).</summary>
    EarlyYears = 2,
    /// <summary>5 to 10: primary school.</summary>
    PrimarySchool = 3,
    /// <summary>11 to 15: secondary school.</summary>
    SecondarySchool = 4,
    /// <summary>16 to 17: leaving school, still a child in law (children's services, college, youth justice).</summary>
    Transition = 5,
    /// <summary>18 to 24: young adults, now in adults' services (leaving care up to 25).</summary>
    YoungAdult = 6,
    /// <summary>25 to 64: working age.</summary>
    WorkingAge = 7,
    /// <summary>65 to 79: later life, pension age.</summary>
    LaterLife = 8,
    /// <summary>80 to 99: old age, the years of frailty and most care.</summary>
    OldAge = 9,
}

/// <summary>One activity record on the pathway: whose it is, their date of birth as held, when it was, and which agency made it.</summary>
/// <param name="Person">The person (any number the caller gives them; records of one person share it).</param>
/// <param name="Birth">Their date of birth as held, or null when not known.</param>
/// <param name="On">The day of the record.</param>
/// <param name="Agency">The agency that made it.</param>
public readonly record struct PathwayRecord(int Person, DateOnly? Birth, DateOnly On, int Agency);

/// <summary>An agency at a stage: how many people it had records of in the stage, and how many records.</summary>
public sealed record StageAgency(int Agency, int People, long Records);

/// <summary>
/// One stage of the pathway drawn from records: the people with records in it and their records, per agency, and how
/// many people met how many agencies in it (<see cref="AgenciesAtOnce"/>: index 1 is people seen by one agency, index 2
/// by two..., the last index counting that many or more).
/// </summary>
public sealed record StageFigures(LifeStage Stage, int People, long Records, IReadOnlyList<StageAgency> Agencies, IReadOnlyList<int> AgenciesAtOnce)
{
    /// <summary>The overlap: people seen by two or more agencies in the stage.</summary>
    public int Overlapping => AgenciesAtOnce.Skip(2).Sum();
}

/// <summary>
/// People passed from one agency to another at the boundary between two stages (<see cref="Pathway"/> defines it).
/// <paramref name="FromAgency"/> equal to <paramref name="ToAgency"/> counts people who stayed with the same agency.
/// </summary>
public sealed record StageHandOff(LifeStage From, LifeStage To, int FromAgency, int ToAgency, int People);

/// <summary>The pathway drawn from records, with what was left out and why.</summary>
/// <param name="Stages">Every stage, in order, including those with no records.</param>
/// <param name="HandOffs">Hand-offs and stays at each boundary, by boundary then most people first (ties by agencies).</param>
/// <param name="People">People with at least one record counted.</param>
/// <param name="NoBirth">People left out because no date of birth is held.</param>
/// <param name="PlaceholderBirth">People left out because their date of birth is a placeholder (<see cref="Pathway.IsPlaceholderBirth"/>).</param>
/// <param name="RecordsLeftOut">The records of the people left out.</param>
/// <param name="RecordsOutside">Records of counted people dated more than 9 months before birth or at 100 or over.</param>
public sealed record PathwayFigures(IReadOnlyList<StageFigures> Stages, IReadOnlyList<StageHandOff> HandOffs, int People, int NoBirth, int PlaceholderBirth, long RecordsLeftOut, long RecordsOutside);

/// <summary>How many needs, lines of money (services paid for) and buildings are placed on a stage.</summary>
public sealed record StagePlacement(LifeStage Stage, int Needs, int Services, int Buildings);

/// <summary>Why a stage is a gap (<see cref="Pathway.GapsOf"/>).</summary>
public enum PathwayGap
{
    /// <summary>Needs are placed on the stage but no service (money) or building is.</summary>
    NeedsWithoutService = 1,
    /// <summary>Needs are placed on the stage but fewer than <see cref="Disclosure.Smallest"/> people have records in it.</summary>
    NeedsButFewSeen = 2,
}

/// <summary>
/// The user pathway from −9 months to 99 years drawn from records: which agencies people meet at which ages. A pure
/// function over (person, date of birth, record date, agency) rows. Definitions:
/// <list type="bullet">
/// <item><b>Age at a record</b> is in whole years on the record's day; a record dated before birth is in
/// <see cref="LifeStage.Pregnancy"/> when it is no more than 9 months before, otherwise outside the pathway, and so is
/// a record at 100 or over (<see cref="PathwayFigures.RecordsOutside"/>).</item>
/// <item><b>A person is left out</b> with all their records when their date of birth is not held or is a placeholder
/// (<see cref="IsPlaceholderBirth"/>), so that a system's 01/01/1900 makes no false centenarian and a 1 January of
/// a year-only date no false infant; they are counted apart.</item>
/// <item><b>People and records per stage and agency</b>: the people with at least one record of the agency dated in
/// the stage, and those records.</item>
/// <item><b>Overlap</b>: a person met by two or more agencies in the same stage; <see cref="StageFigures.AgenciesAtOnce"/>
/// counts people by how many agencies they met in it.</item>
/// <item><b>Hand-off</b>: at the boundary between two adjacent stages, for a person with records in both, the agency of
/// their last record before the boundary and of their first record after it (same day: the lower agency number first);
/// different agencies are a hand-off from one to the other, the same agency a stay.</item>
/// <item><b>Gap</b> (<see cref="GapsOf"/>): a stage where needs are placed but no service or building is, or where
/// needs are placed but fewer than 5 people have records.</item>
/// </list>
/// </summary>
public static class Pathway
{
    /// <summary>The most agencies <see cref="StageFigures.AgenciesAtOnce"/> tells apart; more count with this many.</summary>
    public const int MostAgenciesAtOnce = 5;

    /// <summary>Every stage with its first age in whole years (−1 for pregnancy) and the first age after it.</summary>
    public static readonly IReadOnlyList<(LifeStage Stage, int FromYears, int ToYears)> Stages =
    [
        (LifeStage.Pregnancy, -1, 0),
        (LifeStage.EarlyYears, 0, 5),
        (LifeStage.PrimarySchool, 5, 11),
        (LifeStage.SecondarySchool, 11, 16),
        (LifeStage.Transition, 16, 18),
        (LifeStage.YoungAdult, 18, 25),
        (LifeStage.WorkingAge, 25, 65),
        (LifeStage.LaterLife, 65, 80),
        (LifeStage.OldAge, 80, 100),
    ];

    /// <summary>
    /// True for a date of birth that is a system's stand-in, not a birthday: the linking's placeholder dates
    /// (<see cref="AgencyConventions.IsPlaceholderDate"/>: 01/01/1900 and kin), 1 January of any year (what systems
    /// write when only the year is known), and any date after <paramref name="today"/>.
    /// </summary>
    public static bool IsPlaceholderBirth(DateOnly birth, DateOnly today)
        => birth > today || (birth.Month == 1 && birth.Day == 1) || AgencyConventions.IsPlaceholderDate(new PartialDate(birth.Year, birth.Month, birth.Day));

    /// <summary>The stage a record dated <paramref name="on"/> falls in for someone born on <paramref name="birth"/>, or null when outside the pathway.</summary>
    public static LifeStage? StageAt(DateOnly birth, DateOnly on)
    {
        if (on < birth)
        {
            return on >= birth.AddMonths(-9) ? LifeStage.Pregnancy : null;
        }
        var years = on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);
        foreach (var (stage, from, to) in Stages)
        {
            if (years >= from && years < to)
            {
                return stage;
            }
        }
        return null;
    }

    /// <summary>The pathway drawn from <paramref name="records"/> (see the class for the definitions); <paramref name="today"/> decides which births are in the future.</summary>
    public static PathwayFigures Of(IEnumerable<PathwayRecord> records, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(records);
        var rows = records.ToArray();
        if (!IsOrdered(rows, 0, rows.Length, byPerson: true))
        {
            Array.Sort(rows, static (a, b) => a.Person.CompareTo(b.Person));
        }
        var n = Stages.Count;
        var cells = new Dictionary<(int Stage, int Agency), (int People, long Records)>();
        var stagePeople = new int[n];
        var stageRecords = new long[n];
        var atOnce = new int[n, MostAgenciesAtOnce + 1];
        var handOffs = new Dictionary<(int Stage, int From, int To), int>();
        int people = 0, noBirth = 0, placeholder = 0;
        long leftOut = 0, outside = 0;
        var seen = new List<(int Stage, int Agency)>();
        var first = new (int Agency, bool Any)[n];
        var last = new int[n];
        for (var start = 0; start < rows.Length;)
        {
            var end = start + 1;
            while (end < rows.Length && rows[end].Person == rows[start].Person)
            {
                end++;
            }
            if (!IsOrdered(rows, start, end, byPerson: false))
            {
                Array.Sort(rows, start, end - start, Comparer<PathwayRecord>.Create(static (a, b) => a.On != b.On ? a.On.CompareTo(b.On) : a.Agency.CompareTo(b.Agency)));
            }
            var birth = rows[start].Birth;
            if (birth is not DateOnly dob || IsPlaceholderBirth(dob, today))
            {
                if (birth is null)
                {
                    noBirth++;
                }
                else
                {
                    placeholder++;
                }
                leftOut += end - start;
                start = end;
                continue;
            }
            seen.Clear();
            Array.Clear(first);
            var counted = false;
            for (var i = start; i < end; i++)
            {
                if (StageAt(dob, rows[i].On) is not LifeStage stage)
                {
                    outside++;
                    continue;
                }
                counted = true;
                var s = (int)stage - 1;
                var agency = rows[i].Agency;
                stageRecords[s]++;
                var key = (s, agency);
                var cell = cells.GetValueOrDefault(key);
                if (!seen.Contains(key))
                {
                    seen.Add(key);
                    cell.People++;
                }
                cell.Records++;
                cells[key] = cell;
                if (!first[s].Any)
                {
                    first[s] = (agency, true);
                }
                last[s] = agency;
            }
            if (!counted)
            {
                start = end;
                continue;
            }
            people++;
            for (var s = 0; s < n; s++)
            {
                var agencies = 0;
                foreach (var (st, _) in seen)
                {
                    agencies += st == s ? 1 : 0;
                }
                if (agencies > 0)
                {
                    stagePeople[s]++;
                    atOnce[s, Math.Min(agencies, MostAgenciesAtOnce)]++;
                }
                if (s + 1 < n && first[s].Any && first[s + 1].Any)
                {
                    var k = (s, last[s], first[s + 1].Agency);
                    handOffs[k] = handOffs.GetValueOrDefault(k) + 1;
                }
            }
            start = end;
        }
        var stages = Stages.Select((st, s) => new StageFigures(
            st.Stage, stagePeople[s], stageRecords[s],
            cells.Where(c => c.Key.Stage == s).OrderByDescending(c => c.Value.People).ThenBy(c => c.Key.Agency)
                .Select(c => new StageAgency(c.Key.Agency, c.Value.People, c.Value.Records)).ToList(),
            Enumerable.Range(0, MostAgenciesAtOnce + 1).Select(k => atOnce[s, k]).ToList())).ToList();
        var moves = handOffs.OrderBy(h => h.Key.Stage).ThenByDescending(h => h.Value).ThenBy(h => h.Key.From).ThenBy(h => h.Key.To)
            .Select(h => new StageHandOff(Stages[h.Key.Stage].Stage, Stages[h.Key.Stage + 1].Stage, h.Key.From, h.Key.To, h.Value)).ToList();
        return new PathwayFigures(stages, moves, people, noBirth, placeholder, leftOut, outside);
    }

    /// <summary>
    /// The gaps on the pathway: for each stage with needs placed on it, whether no service (money) or building is
    /// placed there (<see cref="PathwayGap.NeedsWithoutService"/>), and whether fewer than <see cref="Disclosure.Smallest"/>
    /// people have records in it (<see cref="PathwayGap.NeedsButFewSeen"/>). Stages with no needs placed are no gap.
    /// </summary>
    public static IReadOnlyList<(LifeStage Stage, PathwayGap Gap)> GapsOf(PathwayFigures figures, IReadOnlyList<StagePlacement> placements)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(placements);
        var gaps = new List<(LifeStage, PathwayGap)>();
        foreach (var p in placements.Where(p => p.Needs > 0).OrderBy(p => p.Stage))
        {
            if (IsUnserved(p))
            {
                gaps.Add((p.Stage, PathwayGap.NeedsWithoutService));
            }
            if (figures.Stages.FirstOrDefault(s => s.Stage == p.Stage) is not { } seen || seen.People < Disclosure.Smallest)
            {
                gaps.Add((p.Stage, PathwayGap.NeedsButFewSeen));
            }
        }
        return gaps;
    }

    /// <summary>Whether needs are placed on the stage but no service (money) or building is: the first kind of gap.</summary>
    public static bool IsUnserved(StagePlacement placement)
    {
        ArgumentNullException.ThrowIfNull(placement);
        return placement.Needs > 0 && placement.Services == 0 && placement.Buildings == 0;
    }

    /// <summary>
    /// How many needs, services and buildings are placed on each stage, from each item's first and last stage
    /// (both included; an item with no stage is not placed).
    /// </summary>
    public static IReadOnlyList<StagePlacement> Place(IEnumerable<(LifeStage? First, LifeStage? Last)> needs, IEnumerable<(LifeStage? First, LifeStage? Last)> services, IEnumerable<(LifeStage? First, LifeStage? Last)> buildings)
    {
        var n = Counts(needs);
        var m = Counts(services);
        var b = Counts(buildings);
        return Stages.Select((st, i) => new StagePlacement(st.Stage, n[i], m[i], b[i])).ToList();
    }

    private static int[] Counts(IEnumerable<(LifeStage? First, LifeStage? Last)> items)
    {
        var counts = new int[Stages.Count];
        foreach (var (first, last) in items)
        {
            if (first is not LifeStage f)
            {
                continue;
            }
            var l = last ?? f;
            for (var s = (int)f; s <= (int)l && s <= counts.Length; s++)
            {
                counts[s - 1]++;
            }
        }
        return counts;
    }

    private static bool IsOrdered(PathwayRecord[] rows, int start, int end, bool byPerson)
    {
        for (var i = start + 1; i < end; i++)
        {
            var a = rows[i - 1];
            var b = rows[i];
            if (byPerson ? a.Person > b.Person : a.On > b.On || (a.On == b.On && a.Agency > b.Agency))
            {
                return false;
            }
        }
        return true;
    }
}
