using LocalFlow.Analytics.Economics;
using LocalFlow.Analytics.Flow;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Flow;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>One household of the picture: where it is (its address is personal data: only the locality team sees it).</summary>
public sealed record PictureHousehold(Guid Id, string Address, string? Street, string Postcode);

/// <summary>
/// The locality picture and tiers of one locality (docs/locality-picture.md), read from its stored records and worked
/// out by <see cref="Picture"/> and <see cref="Tiers"/>: the page and <c>localflow locality picture|tiers</c> show
/// the same object. Households with someone the viewer may not see (restricted) are left out whole.
/// </summary>
public sealed class LocalityPicture
{
    /// <summary>The households, in the order the figures count them.</summary>
    public required IReadOnlyList<PictureHousehold> Households { get; init; }
    public required IReadOnlyList<FlagRule> Rules { get; init; }
    /// <summary>True when the locality has stored no rules of its own and the defaults are used.</summary>
    public required bool DefaultRules { get; init; }
    public required TierRule TierRule { get; init; }
    public required IReadOnlyList<HouseholdFlags> Flags { get; init; }
    public required IReadOnlyList<TierPlacement> Placements { get; init; }
    public required IReadOnlyList<AreaPicture> Streets { get; init; }
    public required IReadOnlyList<AreaPicture> Postcodes { get; init; }
    public required IReadOnlyList<Frequency> FlagFrequencies { get; init; }
    public required IReadOnlyList<Frequency> DemandTypes { get; init; }
    public required IReadOnlyList<Frequency> WhatMatters { get; init; }
    public required int SeveralServices { get; init; }
    public required Concentration Concentration { get; init; }
    public required TierCounts TierTotals { get; init; }
    public required IReadOnlyList<TierCounts> TiersByStreet { get; init; }
    public required IReadOnlyList<TierCounts> TiersOverTime { get; init; }

    /// <summary>The rules stored for <paramref name="localityId"/>, or the defaults when it has none.</summary>
    public static async Task<(IReadOnlyList<FlagRule> Rules, bool Defaults)> RulesAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        var stored = await db.FlagRules.AsNoTracking().Where(r => r.LocalityId == localityId).OrderBy(r => r.Position).ThenBy(r => r.Id).ToListAsync(ct);
        return stored.Count == 0 ? (Picture.DefaultRules, true) : (stored.Select(r => new FlagRule(r.Name, r.Agency, r.Team, r.Kind, r.Type)).ToList(), false);
    }

    /// <summary>The tier rule stored for <paramref name="localityId"/>, or the default.</summary>
    public static async Task<TierRule> TierRuleAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
        => await db.TierRules.AsNoTracking().Where(r => r.LocalityId == localityId)
            .Select(r => new TierRule(r.SeriousFlags, r.SeriousServices, r.EitherWayFlags, r.EitherWayServices)).SingleOrDefaultAsync(ct) ?? new TierRule();

    /// <summary>
    /// Loads and works out the picture of <paramref name="localityId"/> as at <paramref name="today"/>, over the records
    /// of the last <paramref name="years"/> years: every record for a picture seen only in aggregate, or, with
    /// <paramref name="sharedWith"/> (the locality team, who see households by address), only the records data sharing
    /// agreements share with that viewer (<see cref="Visibility.SharedWith(IQueryable{ActivityRecord}, LocalFlowDb, Viewer)"/>).
    /// Nothing is kept: <see cref="LocalityPictures"/> keeps what it can between views.
    /// </summary>
    public static Task<LocalityPicture> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, DateOnly today, int years = 2, Viewer? sharedWith = null, CancellationToken ct = default)
        => LoadAsync(db, localityId, hidden, today, years, sharedWith, null, ct);

    /// <summary>
    /// <see cref="LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, DateOnly, int, Viewer?, CancellationToken)"/>, taking
    /// what is worked out from the records (<see cref="PictureRecords"/>) from <paramref name="kept"/> when it holds
    /// them under the same flow data version, rules, tier rule, day, households left out and, for a picture narrowed by
    /// sharing, the same <see cref="Visibility.SharingKeyAsync"/> (agreements, consents, the viewer's agencies and
    /// purposes). The rest (street names, tier overrides, what matters) is read on every view, and the picture made
    /// from it all is kept too, under the same and what was read.
    /// </summary>
    internal static async Task<LocalityPicture> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, DateOnly today, int years, Viewer? sharedWith,
        LocalityPictures? kept, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(hidden);
        // read before the records: what is kept is never kept under a stamp newer than its data
        var version = kept is null ? null : await FlowDataVersion.ReadAsync(db, localityId, ct);
        var sharing = kept is null || sharedWith is null ? "" : await Visibility.SharingKeyAsync(db, sharedWith, ct);
        var (rules, defaults) = await RulesAsync(db, localityId, ct);
        var tierRule = await TierRuleAsync(db, localityId, ct);
        var hiddenHouseholds = await HiddenHouseholdsAsync(db, localityId, hidden, ct);
        var recordsKey = PictureRecords.Key(hiddenHouseholds, today, years, rules, tierRule, sharing);
        var counted = kept is null || version is null
            ? await PictureRecords.LoadAsync(db, localityId, hiddenHouseholds, today, years, rules, tierRule, sharedWith, ct)
            : await kept.Records.GetAsync(localityId, version, recordsKey,
                c => PictureRecords.LoadAsync(db, localityId, hiddenHouseholds, today, years, rules, tierRule, sharedWith, c), ct);
        var streets = await db.Streets.AsNoTracking().Where(s => s.LocalityId == localityId).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var overrides = (await db.TierOverrides.AsNoTracking().Where(o => o.LocalityId == localityId).ToListAsync(ct))
            .Where(o => counted.Position.ContainsKey(o.HouseholdId))
            .Select(o => (Position: counted.Position[o.HouseholdId], Tier: (Tier)o.Tier, o.Note))
            .ToList();
        var said = (await db.WhatMattered.AsNoTracking()
                .Where(w => w.LocalityId == localityId && w.RemovedUtc == null)
                .Join(db.People.Where(p => p.LocalityId == localityId && p.HouseholdId != null), w => w.PersonId, p => p.Id, (w, p) => new { p.HouseholdId, w.InTheirWords })
                .ToListAsync(ct))
            .Where(s => counted.Position.ContainsKey(s.HouseholdId!.Value))
            .Select(s => (Position: counted.Position[s.HouseholdId!.Value], Words: s.InTheirWords))
            .ToList();
        LocalityPicture Make() => Compose(counted, rules, defaults, tierRule, streets, overrides, said);
        if (kept is null || version is null)
        {
            return Make();
        }
        var read = new System.Text.StringBuilder(recordsKey).Append('\u001d').Append(defaults);
        foreach (var (id, name) in streets.OrderBy(s => s.Key))
        {
            read.Append('\u001f').Append(id).Append('=').Append(name);
        }
        foreach (var (position, tier, note) in overrides.OrderBy(o => o.Position))
        {
            read.Append('\u001e').Append(position).Append('=').Append(tier).Append('=').Append(note);
        }
        foreach (var (position, words) in said.OrderBy(s => s.Position).ThenBy(s => s.Words, StringComparer.Ordinal))
        {
            read.Append('\u001c').Append(position).Append('=').Append(words);
        }
        var key = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(read.ToString())));
        return await kept.Pictures.GetAsync(localityId, version, key, _ => Task.FromResult(Make()), ct);
    }

    private static LocalityPicture Compose(PictureRecords counted, IReadOnlyList<FlagRule> rules, bool defaults, TierRule tierRule, Dictionary<int, string> streets,
        List<(int Position, Tier Tier, string Note)> overrides, List<(int Position, string Words)> said)
    {
        var households = counted.Households
            .Select(h => new PictureHousehold(h.Id, h.AddressLine, h.StreetId is { } s && streets.TryGetValue(s, out var n) ? n : null, h.Postcode))
            .ToList();
        var flags = counted.Flags;
        var placements = Tiers.Place(flags, rules, tierRule, overrides.ToDictionary(o => o.Position, o => (o.Tier, o.Note)));
        var streetOf = households.Select(h => h.Street).ToList();
        return new LocalityPicture
        {
            Households = households,
            Rules = rules,
            DefaultRules = defaults,
            TierRule = tierRule,
            Flags = flags,
            Placements = placements,
            Streets = Picture.ByArea(flags, streetOf, rules.Count),
            Postcodes = Picture.ByArea(flags, households.Select(h => (string?)h.Postcode).ToList(), rules.Count),
            FlagFrequencies = Picture.FlagFrequencies(flags, rules),
            DemandTypes = counted.DemandTypes,
            WhatMatters = Picture.MostFrequent(said.Select(s => (s.Position, s.Words))),
            SeveralServices = Picture.OnSeveralServices(flags),
            Concentration = Picture.DemandConcentration(flags),
            TierTotals = Tiers.Count(placements).FirstOrDefault() ?? new TierCounts("All households", 0, 0, 0),
            TiersByStreet = Tiers.Count(placements, h => streetOf[h]),
            TiersOverTime = counted.TiersOverTime,
        };
    }

    /// <summary>The households of <paramref name="localityId"/> with someone in <paramref name="hidden"/>: left out of the picture whole.</summary>
    internal static async Task<IReadOnlySet<Guid>> HiddenHouseholdsAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, CancellationToken ct)
    {
        var hiddenList = hidden.ToList();
        return hiddenList.Count == 0 ? new HashSet<Guid>() : (await db.People.AsNoTracking()
            .Where(p => p.LocalityId == localityId && p.HouseholdId != null && hiddenList.Contains(p.Id))
            .Select(p => p.HouseholdId!.Value).ToListAsync(ct)).ToHashSet();
    }
}

/// <summary>One household as the picture reads it: where it is, by street id (named on each view).</summary>
public sealed record PictureAddress(Guid Id, string AddressLine, int? StreetId, string Postcode);

/// <summary>
/// The part of a <see cref="LocalityPicture"/> worked out from the stored records, the slow part: each household's
/// flags, the most frequent demand types and the tiers over time. It depends on the records, households, agencies and
/// teams (all under the locality's <see cref="FlowDataVersion"/>), and on the rules, tier rule, day, years and the
/// households left out, which make its <see cref="Key"/>; <see cref="LocalityPictures"/> keeps it on those.
/// </summary>
public sealed class PictureRecords
{
    /// <summary>The households in the picture, in the order the figures count them.</summary>
    public required IReadOnlyList<PictureAddress> Households { get; init; }
    /// <summary>Each household's place in <see cref="Households"/>.</summary>
    public required IReadOnlyDictionary<Guid, int> Position { get; init; }
    public required IReadOnlyList<HouseholdFlags> Flags { get; init; }
    public required IReadOnlyList<Frequency> DemandTypes { get; init; }
    public required IReadOnlyList<TierCounts> TiersOverTime { get; init; }

    /// <summary>Everything besides the flow data version that <see cref="LoadAsync"/> depends on, as one key.</summary>
    internal static string Key(IReadOnlySet<Guid> hiddenHouseholds, DateOnly today, int years, IReadOnlyList<FlagRule> rules, TierRule tierRule, string sharing)
    {
        var text = new System.Text.StringBuilder();
        text.Append(today.DayNumber).Append('\u001f').Append(years).Append('\u001f').Append(tierRule).Append('\u001f').Append(sharing);
        foreach (var rule in rules)
        {
            text.Append('\u001f').Append(rule);
        }
        foreach (var household in hiddenHouseholds.Order())
        {
            text.Append('\u001e').Append(household.ToString("N"));
        }
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Reads the records of the picture and works out what depends on them (see <see cref="LocalityPicture.LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, DateOnly, int, Viewer?, CancellationToken)"/>).</summary>
    internal static async Task<PictureRecords> LoadAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hiddenHouseholds, DateOnly today, int years,
        IReadOnlyList<FlagRule> rules, TierRule tierRule, Viewer? sharedWith, CancellationToken ct)
    {
        var households = (await db.Households.AsNoTracking().Where(h => h.LocalityId == localityId)
                .Select(h => new PictureAddress(h.Id, h.AddressLine, h.StreetId, h.Postcode)).ToListAsync(ct))
            .Where(h => !hiddenHouseholds.Contains(h.Id))
            .OrderBy(h => h.Id)
            .ToList();
        var position = households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var agencies = await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Id, a => (a.Name, a.ShortName, Kind: a.Kind.ToString()), ct);
        var teams = await db.Teams.AsNoTracking().ToDictionaryAsync(t => t.Id, t => t.Name, ct);
        // A quarter more than the years asked for: the oldest quarter of the tiers over time looks back a whole year from its end.
        var since = today.AddYears(-years).AddMonths(-3);
        var from = since.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var inPicture = (await RecordsInTableOrder.OfAsync(db, localityId, ct)).AsNoTracking().Where(r => r.LocalityId == localityId && r.HouseholdId != null && r.StartUtc >= from);
        var query = (sharedWith is null ? inPicture : inPicture.SharedWith(db, sharedWith))
            .Select(r => new { Household = r.HouseholdId!.Value, r.AgencyId, r.TeamId, r.Kind, r.Subtype, r.Text, r.StartUtc });
        // Read through the query's own command, column by column: at 170,000 rows EF's materialising, and the reader's
        // parsing of ids and dates from SQLite's text, cost more than SQLite's own reading (docs/locality-picture.md).
        var records = new List<FlagRecord>();
        void Add(Guid household, int agency, int? team, ActivityKind kind, string? subtype, string? text, long startTicks)
        {
            if (position.TryGetValue(household, out var h))
            {
                var a = agencies[agency];
                records.Add(new FlagRecord(h, a.Name, a.ShortName, a.Kind, team is { } t ? teams[t] : null, kind, subtype, text, DateOnly.FromDateTime(new DateTime(startTicks))));
            }
        }
        await using (var command = query.CreateDbCommand())
        {
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                var strings = new Dictionary<string, string>(StringComparer.Ordinal);
                string? Text(SqliteRows row, int column)
                {
                    if (row.IsNull(column))
                    {
                        return null;
                    }
                    var value = System.Text.Encoding.UTF8.GetString(row.Bytes(column));
                    return strings.TryAdd(value, value) ? value : strings[value];
                }
                var read = SqliteCommandRows.TryRead(command, row => Add(Guid.Parse(row.Bytes(0)), row.Int(1), row.NullableInt(2), (ActivityKind)row.Int(3), Text(row, 4), Text(row, 5),
                    FlowEngine.SqliteTicks(row.Bytes(6))), ct);
                if (!read)
                {
                    await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, ct);
                    while (await reader.ReadAsync(ct))
                    {
                        Add(reader.GetGuid(0), reader.GetInt32(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), (ActivityKind)reader.GetInt32(3),
                            reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetDateTime(6).Ticks);
                    }
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        var until = today.AddDays(1);
        var matched = MatchedRecords.Of(records, rules);
        return new PictureRecords
        {
            Households = households,
            Position = position,
            Flags = matched.Flag(households.Count, today.AddYears(-1), until),
            DemandTypes = Picture.MostFrequent(records.Where(r => r.On >= today.AddYears(-1) && r.Kind == ActivityKind.Contact).Select(r => (r.Household, r.Type ?? r.Text ?? ""))),
            TiersOverTime = Tiers.OverTime(matched, households.Count, tierRule, Tiers.QuarterEnds(until, 4 * years - 3)),
        };
    }
}

/// <summary>
/// The locality picture of each locality kept between views (docs/locality-picture.md): what is worked out from the
/// records (<see cref="PictureRecords"/>) is kept while the locality's <see cref="FlowDataVersion"/>, its rules and tier
/// rule, the day, the households left out for the viewer and, for the locality team's picture, what data sharing
/// shares with them stay the same; tier overrides, street names and what
/// matters are read on every view, so every change shows on the next view. Register once per process (a singleton).
/// </summary>
public sealed class LocalityPictures
{
    /// <summary>What is worked out from the records.</summary>
    internal KeptFigures<PictureRecords> Records { get; } = new("picture-records");

    /// <summary>Whole pictures, under the key of their records and of what was read beside them.</summary>
    internal KeptFigures<LocalityPicture> Pictures { get; } = new("locality-picture");

    /// <summary>
    /// The picture of <paramref name="localityId"/> as at <paramref name="today"/> seen in aggregate (over every record),
    /// leaving out the households of <paramref name="hidden"/>: as <see cref="LocalityPicture.LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, DateOnly, int, Viewer?, CancellationToken)"/>
    /// without <c>sharedWith</c>, with the slow part kept.
    /// </summary>
    public Task<LocalityPicture> ForAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, DateOnly today, int years = 2, CancellationToken ct = default)
        => LocalityPicture.LoadAsync(db, localityId, hidden, today, years, null, this, ct);

    /// <summary>
    /// The picture of <paramref name="localityId"/> for a viewer who sees households by address (the locality team):
    /// over only the records data sharing agreements share with <paramref name="viewer"/>, as
    /// <see cref="LocalityPicture.LoadAsync(LocalFlowDb, int, IReadOnlySet{Guid}, DateOnly, int, Viewer?, CancellationToken)"/>
    /// with <c>sharedWith</c>, kept while the records and what the sharing rule reads stay the same.
    /// </summary>
    public Task<LocalityPicture> SharedWithAsync(LocalFlowDb db, int localityId, IReadOnlySet<Guid> hidden, DateOnly today, Viewer viewer, int years = 2, CancellationToken ct = default)
        => LocalityPicture.LoadAsync(db, localityId, hidden, today, years, viewer, this, ct);

    /// <summary>How many pictures are kept for <paramref name="localityId"/> now.</summary>
    public int Kept(int localityId) => Records.Count(localityId);
}
