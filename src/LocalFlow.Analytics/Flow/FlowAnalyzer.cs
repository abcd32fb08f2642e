namespace LocalFlow.Analytics.Flow;

/// <summary>
/// Counts the flow figures (<see cref="PersonFigures"/>) and finds failure-demand signals (<see cref="FlowSignal"/>)
/// over an <see cref="ActivityLog"/>, one single pass over each person's records. Subtype word lists are resolved
/// against the log's string pool once, so the hot loops compare integers. Safe to use from several threads.
/// </summary>
public sealed class FlowAnalyzer
{
    private const byte Contact = (byte)ActivityKind.Contact;
    private const byte Assessment = (byte)ActivityKind.Assessment;
    private const byte Referral = (byte)ActivityKind.Referral;
    private const byte ServiceProvided = (byte)ActivityKind.ServiceProvided;
    private const byte Review = (byte)ActivityKind.Review;
    private const byte Meeting = (byte)ActivityKind.Meeting;
    private const byte Admission = (byte)ActivityKind.Admission;
    private const byte MedicallyFit = (byte)ActivityKind.MedicallyFit;
    private const byte Discharge = (byte)ActivityKind.Discharge;
    private const byte Closure = (byte)ActivityKind.Closure;
    private const byte Document = (byte)ActivityKind.Document;
    private const byte BedDay = (byte)ActivityKind.BedDay;
    private const byte HomeVisit = (byte)ActivityKind.HomeVisit;

    private const byte FlagExit = 1;
    private const byte FlagScreenedOut = 2;
    private const byte FlagEscalation = 4;
    private const byte FlagChasing = 8;
    private const byte FlagNeedMet = 16;

    private readonly UnitCostLookup? _unitCosts;
    private readonly byte[] _flags;
    private readonly int[] _canonical;
    private readonly bool[] _escalationKind = new bool[256];

    /// <summary>Prepares an analysis of <paramref name="log"/> with the locality's <paramref name="options"/> and unit costs.</summary>
    public FlowAnalyzer(ActivityLog log, FlowOptions? options = null, UnitCostLookup? unitCosts = null)
    {
        Log = log;
        Options = options ?? FlowOptions.Default;
        _unitCosts = unitCosts;
        var n = log.Strings.Count;
        _flags = new byte[n];
        _canonical = new int[n];
        var byLower = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var id = 1; id < n; id++)
        {
            var s = log.Strings[id]!.Trim();
            _canonical[id] = byLower.TryGetValue(s, out var c) ? c : byLower[s] = id;
            _flags[id] = (byte)((Matches(Options.ExitSubtypes, s) ? FlagExit : 0)
                | (Matches(Options.ScreenedOutSubtypes, s) ? FlagScreenedOut : 0)
                | (Options.EscalationSubtypes.Any(e => s.Contains(e, StringComparison.OrdinalIgnoreCase)) ? FlagEscalation : 0)
                | (Matches(Options.ProgressChasingSubtypes, s) ? FlagChasing : 0)
                | (Matches(Options.NeedMetSubtypes, s) ? FlagNeedMet : 0));
        }
        foreach (var k in Options.EscalationKinds)
        {
            _escalationKind[(byte)k] = true;
        }
    }

    /// <summary>The log analysed.</summary>
    public ActivityLog Log { get; }

    /// <summary>The windows and word lists used.</summary>
    public FlowOptions Options { get; }

    private static bool Matches(IReadOnlyList<string> words, string s) => words.Any(w => string.Equals(w, s, StringComparison.OrdinalIgnoreCase));

    private byte Flags(int i) => Log.Subtypes.IsEmpty ? (byte)0 : _flags[Log.Subtypes[i]];

    /// <summary>Whether record <paramref name="i"/> is an exit: a closure, or any record with an exit subtype (advice only, NFA...).</summary>
    public bool IsExit(int i) => Log.KindCodes[i] == Closure || (Flags(i) & FlagExit) != 0;

    /// <summary>
    /// The cost of record <paramref name="i"/>: its own cost, else the unit cost for its agency, kind and subtype, else
    /// null (uncosted).
    /// </summary>
    public decimal? CostOf(int i) => Log.Cost(i) ?? _unitCosts?.Invoke(Log.Agency(i), Log.Kind(i), Log.Subtype(i));

    /// <summary>The figures for every person, in person order (computed in parallel).</summary>
    public PersonFigures[] AllPeople()
    {
        var result = new PersonFigures[Log.PersonCount];
        Parallel.For(0, Log.PersonCount, () => new Scratch(), (p, _, scratch) =>
        {
            result[p] = Person(p, scratch);
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>The figures for person number <paramref name="person"/> (see <see cref="ActivityLog.FindPerson"/>).</summary>
    public PersonFigures Person(int person) => Person(person, new Scratch());

    private PersonFigures Person(int person, Scratch s)
    {
        var (from, to) = Log.EventsOf(person);
        var kinds = Log.KindCodes;
        var ticks = Log.StartUtcTicks;
        var agencies = Log.Agencies;
        var teams = Log.Teams;
        var workers = Log.Workers;
        var subtypes = Log.Subtypes;
        var helped = Log.HelpedCodes;
        s.Agencies.Clear();
        s.Teams.Clear();
        s.Workers.Clear();
        s.LastAssessed.Clear();
        int interactions = 0, assessments = 0, repeats = 0, referrals = 0, cycles = 0, exits = 0, reEntries = 0;
        int admissions = 0, documents = 0, judged = 0, helpedCount = 0, uncosted = 0;
        var lastAssessment = -1;
        var pendingExit = false;
        long firstContact = long.MinValue, needMet = long.MinValue;
        decimal cost = 0;
        var cycleTicks = Options.CycleDays * TimeSpan.TicksPerDay;
        var hospital = new HospitalStays(this);
        for (var i = from; i < to; i++)
        {
            var k = kinds[i];
            var a = agencies[i];
            s.Agencies.Add(a);
            if (!teams.IsEmpty && teams[i] != 0)
            {
                s.Teams.Add(((long)a << 32) | (uint)teams[i]);
            }
            if (!workers.IsEmpty && workers[i] != 0)
            {
                s.Workers.Add(((long)a << 32) | (uint)workers[i]);
            }
            if (k != BedDay && k != MedicallyFit && k != Discharge)
            {
                interactions++;
            }
            var flags = subtypes.IsEmpty ? (byte)0 : _flags[subtypes[i]];
            switch (k)
            {
                case Contact:
                    if (firstContact == long.MinValue)
                    {
                        firstContact = ticks[i];
                    }
                    // an exit followed by a new contact counts as one re-entry
                    if (pendingExit)
                    {
                        reEntries++;
                        pendingExit = false;
                    }
                    break;
                case Assessment:
                    assessments++;
                    lastAssessment = i;
                    if (RepeatedFrom(i, s.LastAssessed) >= 0)
                    {
                        repeats++;
                    }
                    break;
                case Referral:
                    referrals++;
                    if (lastAssessment >= 0 && ticks[i] - ticks[lastAssessment] <= cycleTicks)
                    {
                        cycles++;
                        lastAssessment = -1;
                    }
                    break;
                case Document:
                    documents++;
                    break;
            }
            hospital.See(i, k);
            if (k == Admission)
            {
                admissions++;
            }
            if (k == Closure || (flags & FlagExit) != 0)
            {
                exits++;
                pendingExit = true;
            }
            if ((flags & FlagNeedMet) != 0 && needMet == long.MinValue)
            {
                needMet = ticks[i];
            }
            if (!helped.IsEmpty && helped[i] >= 0)
            {
                judged++;
                helpedCount += helped[i];
            }
            var c = Log.Cost(i) ?? s.UnitCost(this, i);
            if (c is { } value)
            {
                cost += value;
            }
            else
            {
                uncosted++;
            }
        }
        hospital.Finish(to - 1);
        var start = firstContact == long.MinValue ? (from < to ? ticks[from] : 0) : firstContact;
        return new PersonFigures
        {
            Person = person,
            PersonId = Log.PersonId(person),
            Records = to - from,
            Duplicates = Log.DuplicatesOf(person).End - Log.DuplicatesOf(person).Start,
            Interactions = interactions,
            First = from < to ? Log.Start(from) : default,
            Last = from < to ? Log.Start(to - 1) : default,
            Agencies = s.Agencies.Count,
            Teams = s.Teams.Count,
            Workers = s.Workers.Count,
            Assessments = assessments,
            RepeatedAssessments = repeats,
            Referrals = referrals,
            AssessDoReferCycles = cycles,
            Exits = exits,
            ReEntries = reEntries,
            HospitalAdmissions = admissions,
            HospitalDays = hospital.Days,
            DaysAfterMedicallyFit = hospital.DaysAfterFit,
            Documents = documents,
            JudgedRecords = judged,
            HelpedRecords = helpedCount,
            DaysToNeedMet = needMet == long.MinValue ? null : Math.Max(0, (needMet - start) / (double)TimeSpan.TicksPerDay),
            Cost = cost,
            UncostedRecords = uncosted,
        };
    }

    /// <summary>Every hospital stay of person <paramref name="person"/>: admission record, discharge record (or -1), days, days after medically fit.</summary>
    public IReadOnlyList<HospitalStay> StaysOf(int person)
    {
        var (from, to) = Log.EventsOf(person);
        var hospital = new HospitalStays(this) { Stays = [] };
        for (var i = from; i < to; i++)
        {
            hospital.See(i, Log.KindCodes[i]);
        }
        hospital.Finish(to - 1);
        return hospital.Stays;
    }

    private sealed class HospitalStays(FlowAnalyzer owner)
    {
        private int _open = -1;
        private int _fit = -1;
        public int Days;
        public int DaysAfterFit;
        public List<HospitalStay>? Stays;

        public void See(int i, byte kind)
        {
            var log = owner.Log;
            if (_open >= 0 && log.End(_open) is { } end && log.StartUtcTicks[i] >= end.UtcTicks && kind != Discharge)
            {
                Close(-1, end);
            }
            switch (kind)
            {
                case Admission:
                    if (_open >= 0)
                    {
                        Close(-1, log.Start(i));
                    }
                    _open = i;
                    _fit = -1;
                    break;
                case MedicallyFit when _open >= 0 && _fit < 0:
                    _fit = i;
                    break;
                case Discharge when _open >= 0:
                    Close(i, log.Start(i));
                    break;
            }
        }

        public void Finish(int last)
        {
            if (_open >= 0)
            {
                Close(-1, owner.Log.End(_open) ?? owner.Log.Start(last));
            }
        }

        private void Close(int discharge, DateTimeOffset at)
        {
            var log = owner.Log;
            var days = Math.Max(0, (at.Date - log.Start(_open).Date).Days);
            var afterFit = _fit < 0 ? 0 : Math.Max(0, (at.Date - log.Start(_fit).Date).Days);
            Days += days;
            DaysAfterFit += afterFit;
            Stays?.Add(new HospitalStay(_open, discharge, _fit, days, afterFit));
            _open = -1;
            _fit = -1;
        }
    }

    private sealed class Scratch
    {
        public readonly HashSet<int> Agencies = [];
        public readonly HashSet<long> Teams = [];
        public readonly HashSet<long> Workers = [];
        public readonly Dictionary<int, int> LastAssessed = [];
        private readonly Dictionary<(int, byte, int), decimal?> _unitCosts = [];

        public decimal? UnitCost(FlowAnalyzer owner, int i)
        {
            if (owner._unitCosts is null)
            {
                return null;
            }
            var log = owner.Log;
            var key = (log.Agencies[i], log.KindCodes[i], log.Subtypes.IsEmpty ? 0 : log.Subtypes[i]);
            if (!_unitCosts.TryGetValue(key, out var cost))
            {
                cost = owner._unitCosts(log.Agency(i), log.Kind(i), log.Subtype(i));
                _unitCosts[key] = cost;
            }
            return cost;
        }
    }

    /// <summary>Every failure-demand signal in the log, person by person (computed in parallel, returned in person then time order).</summary>
    public IReadOnlyList<FlowSignal> AllSignals()
    {
        var perPerson = new List<FlowSignal>?[Log.PersonCount];
        Parallel.For(0, Log.PersonCount, () => new SignalScratch(), (p, _, scratch) =>
        {
            var found = new List<FlowSignal>();
            Signals(p, found, scratch);
            perPerson[p] = found.Count == 0 ? null : found;
            return scratch;
        }, _ => { });
        var all = new List<FlowSignal>();
        foreach (var list in perPerson)
        {
            if (list is not null)
            {
                all.AddRange(list);
            }
        }
        return all;
    }

    /// <summary>The failure-demand signals in person <paramref name="person"/>'s records, in the order found (by kind, then time).</summary>
    public IReadOnlyList<FlowSignal> Signals(int person)
    {
        var found = new List<FlowSignal>();
        Signals(person, found, new SignalScratch());
        return found;
    }

    private sealed class SignalScratch
    {
        public readonly Dictionary<int, int> LastAssessed = [];
        public readonly Dictionary<long, int> Referrals = [];
        public readonly Dictionary<int, int> AwaitingAgency = [];
        public readonly Dictionary<long, int> Chain = [];
        public readonly List<int> ChainEvents = [];
    }

    private void Signals(int person, List<FlowSignal> found, SignalScratch s)
    {
        var (from, to) = Log.EventsOf(person);
        var kinds = Log.KindCodes;
        var ticks = Log.StartUtcTicks;
        var agencies = Log.Agencies;
        var subtypes = Log.Subtypes;
        var referredTo = Log.ReferredToAgencies;
        const long Day = TimeSpan.TicksPerDay;

        // re-presentation: a contact within N days of the last exit (one signal per exit)
        var lastExit = -1;
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == Contact && lastExit >= 0 && ticks[i] - ticks[lastExit] <= Options.RePresentationDays * Day)
            {
                found.Add(new FlowSignal(FlowSignalKind.RePresentation, person, [lastExit, i]));
                lastExit = -1;
            }
            if (IsExitCode(i, kinds, subtypes))
            {
                lastExit = i;
            }
        }

        // repeated assessment: same type (ignoring case) again within the window, any agency
        s.LastAssessed.Clear();
        for (var i = from; i < to; i++)
        {
            if (kinds[i] == Assessment && RepeatedFrom(i, s.LastAssessed) is var before and >= 0)
            {
                found.Add(new FlowSignal(FlowSignalKind.RepeatedAssessment, person, [before, i]));
            }
        }

        // assess–refer: the assessing agency's next outcome is a referral or exit, with nothing done in between
        for (var i = from; i < to; i++)
        {
            if (kinds[i] != Assessment)
            {
                continue;
            }
            for (var j = i + 1; j < to && ticks[j] - ticks[i] <= Options.AssessReferDays * Day; j++)
            {
                if (agencies[j] != agencies[i])
                {
                    continue;
                }
                var k = kinds[j];
                if (k is ServiceProvided or HomeVisit or Review or Assessment or Admission)
                {
                    break;
                }
                if (k == Referral || IsExitCode(j, kinds, subtypes))
                {
                    found.Add(new FlowSignal(FlowSignalKind.AssessRefer, person, [i, j]));
                    break;
                }
            }
        }

        // referral ping-pong: A→B then B→A within the window
        if (!referredTo.IsEmpty)
        {
            s.Referrals.Clear();
            for (var i = from; i < to; i++)
            {
                if (kinds[i] != Referral || referredTo[i] == 0 || referredTo[i] == agencies[i])
                {
                    continue;
                }
                var a = agencies[i];
                var b = referredTo[i];
                var back = ((long)b << 32) | (uint)a;
                if (s.Referrals.TryGetValue(back, out var earlier) && ticks[i] - ticks[earlier] <= Options.PingPongDays * Day)
                {
                    found.Add(new FlowSignal(FlowSignalKind.ReferralPingPong, person, [earlier, i]));
                    s.Referrals.Remove(back);
                }
                s.Referrals[((long)a << 32) | (uint)b] = i;
            }
        }

        // screened out, then back with greater need
        var screened = -1;
        for (var i = from; i < to; i++)
        {
            var flags = subtypes.IsEmpty ? (byte)0 : _flags[subtypes[i]];
            if (screened >= 0 && ticks[i] - ticks[screened] > Options.ScreenedOutReturnDays * Day)
            {
                screened = -1;
            }
            if (screened >= 0 && (_escalationKind[kinds[i]] || (flags & FlagEscalation) != 0))
            {
                found.Add(new FlowSignal(FlowSignalKind.ScreenedOutReturnedWorse, person, [screened, i]));
                screened = -1;
            }
            if (screened < 0 && (flags & FlagScreenedOut) != 0 && (kinds[i] == Closure || (flags & FlagExit) != 0))
            {
                screened = i;
            }
        }

        // progress chasing: a contact with an agency still sitting on a referral to it, or a contact marked chasing
        s.AwaitingAgency.Clear();
        for (var i = from; i < to; i++)
        {
            var k = kinds[i];
            var a = agencies[i];
            var flags = subtypes.IsEmpty ? (byte)0 : _flags[subtypes[i]];
            if (k == Contact)
            {
                if (s.AwaitingAgency.TryGetValue(a, out var referral) && ticks[i] > ticks[referral] && ticks[i] - ticks[referral] <= Options.ProgressChasingDays * Day)
                {
                    found.Add(new FlowSignal(FlowSignalKind.ProgressChasing, person, [referral, i]));
                }
                else if ((flags & FlagChasing) != 0)
                {
                    found.Add(new FlowSignal(FlowSignalKind.ProgressChasing, person, [i]));
                }
            }
            else if (k is Assessment or ServiceProvided or HomeVisit or Review or Meeting or Closure or Referral or Admission)
            {
                // the agency has acted on what was referred to it
                s.AwaitingAgency.Remove(a);
            }
            if (k == Referral && !referredTo.IsEmpty && referredTo[i] != 0 && referredTo[i] != a)
            {
                s.AwaitingAgency.TryAdd(referredTo[i], i);
            }
        }

        // long chain of different workers: a run broken only when a worker already in it appears again
        var workers = Log.Workers;
        if (!workers.IsEmpty)
        {
            s.Chain.Clear();
            s.ChainEvents.Clear();
            for (var i = from; i < to; i++)
            {
                if (workers[i] == 0)
                {
                    continue;
                }
                var key = ((long)agencies[i] << 32) | (uint)workers[i];
                if (s.Chain.ContainsKey(key))
                {
                    EmitChain(person, found, s);
                }
                s.Chain[key] = i;
                s.ChainEvents.Add(i);
            }
            EmitChain(person, found, s);
        }
    }

    private void EmitChain(int person, List<FlowSignal> found, SignalScratch s)
    {
        if (s.ChainEvents.Count >= Options.WorkerChainLength)
        {
            found.Add(new FlowSignal(FlowSignalKind.LongWorkerChain, person, [.. s.ChainEvents]));
        }
        s.Chain.Clear();
        s.ChainEvents.Clear();
    }

    /// <summary>
    /// The one repeated-assessment rule (<see cref="PersonFigures.RepeatedAssessments"/>, <see cref="FlowSignalKind.RepeatedAssessment"/>):
    /// assessment <paramref name="i"/> repeats the last assessment of the same type (subtype, ignoring case), by any
    /// agency, when that one started within <see cref="FlowOptions.RepeatAssessmentDays"/> before it. Returns the
    /// earlier assessment, or -1; an assessment with no type never repeats. Remembers <paramref name="i"/> as the
    /// last of its type.
    /// </summary>
    private int RepeatedFrom(int i, Dictionary<int, int> lastAssessed)
    {
        var subtypes = Log.Subtypes;
        if (subtypes.IsEmpty || subtypes[i] == 0)
        {
            return -1;
        }
        var type = _canonical[subtypes[i]];
        var ticks = Log.StartUtcTicks;
        var before = lastAssessed.TryGetValue(type, out var b) && ticks[i] - ticks[b] <= Options.RepeatAssessmentDays * TimeSpan.TicksPerDay ? b : -1;
        lastAssessed[type] = i;
        return before;
    }

    private bool IsExitCode(int i, ReadOnlySpan<byte> kinds, ReadOnlySpan<int> subtypes) =>
        kinds[i] == Closure || (!subtypes.IsEmpty && (_flags[subtypes[i]] & FlagExit) != 0);
}

/// <summary>One hospital stay found in a person's records.</summary>
/// <param name="Admission">Index of the admission record.</param>
/// <param name="Discharge">Index of the discharge record, or -1 when the stay ended otherwise (its own end, the next admission, the last record).</param>
/// <param name="MedicallyFit">Index of the first "medically fit" record in the stay, or -1.</param>
/// <param name="Days">Calendar days from admission to discharge.</param>
/// <param name="DaysAfterMedicallyFit">Calendar days from medically fit to discharge (0 when never declared fit).</param>
public readonly record struct HospitalStay(int Admission, int Discharge, int MedicallyFit, int Days, int DaysAfterMedicallyFit);
