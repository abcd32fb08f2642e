using System.Net;
using System.Text.RegularExpressions;
using LocalFlow.Analytics.Flow;
using LocalFlow.Data;
using LocalFlow.Data.Entities;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Authorization per resource: a second locality (no demo user belongs to it) and a restricted person of the demo's
/// own locality are tried against every page and endpoint, as every role. Neither may be opened (404), and neither
/// may appear in any list, search, export, chart or API answer.
/// </summary>
public partial class RoleAccessTests
{
    /// <summary>What <see cref="App"/> plants beside the demo: the people and things no demo user may see.</summary>
    public sealed record Planted(
        int OtherLocality, Guid OtherPerson, Guid OtherRecord, Guid OtherReview, int OtherRun, Guid OtherImport, Guid OtherCondition,
        Guid RestrictedPerson, Guid RestrictedRecord, string RestrictedAddress, Guid RestrictedReview,
        int OtherStudy, int OtherType, Guid OtherDemand, Guid RestrictedDemand, Guid OtherQuestion, int OtherMeasure)
    {
        /// <summary>A need and a line of money of the other locality (the redesign's resource and needs databases).</summary>
        public Guid OtherNeed { get; init; }
        public Guid OtherMoney { get; init; }
        /// <summary>A commissioning group of the other locality and its one member.</summary>
        public int OtherGroup { get; init; }
        public int OtherMember { get; init; }
        public Guid OtherBuilding { get; init; }
        /// <summary>A workforce gap of the other locality.</summary>
        public int OtherGap { get; init; }
    }

    /// <summary>Names no demo person has, so that finding them in a page means the page leaked them.</summary>
    private const string OtherGiven = "Quillon";
    private const string OtherFamily = "Zzotherplace";
    private const string OtherPostcode = "ZZ1 1ZZ";
    private const string RestrictedGiven = "Restrictia";
    private const string RestrictedFamily = "Zzhidden";

    /// <summary>Plants the second locality (a household, a person with records, agency records, a link run and
    /// review, an import, a system condition) and restricts one demo household (for example fleeing domestic abuse) whose
    /// member has records, on which no worker is named.</summary>
    private static async Task<Planted> PlantAsync(LocalFlowApp app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var now = DateTime.UtcNow.AddDays(-1);
        var agency = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();

        var locality = new LocalFlow.Data.Entities.Locality { Name = "Otherfield", Description = "A second locality no demo user belongs to." };
        db.Localities.Add(locality);
        await db.SaveChangesAsync();
        var household = new Household { LocalityId = locality.Id, AddressLine = "7 Elsewhere Row", Postcode = OtherPostcode };
        var person = new Person { LocalityId = locality.Id, HouseholdId = household.Id, GivenName = OtherGiven, FamilyName = OtherFamily, DateOfBirth = new DateOnly(1950, 1, 2) };
        db.Households.Add(household);
        db.People.Add(person);
        var records = new[] { ActivityKind.Contact, ActivityKind.Assessment, ActivityKind.Referral }.Select((kind, i) => new ActivityRecord
        {
            LocalityId = locality.Id,
            PersonId = person.Id,
            HouseholdId = household.Id,
            AgencyId = agency,
            Kind = kind,
            StartUtc = now.AddDays(-30 + (i * 3)),
            SourceSystem = "Otherfield",
            SourceRecordId = $"OTHER-{i}",
            Text = $"{OtherFamily} record {i}",
        }).ToList();
        db.ActivityRecords.AddRange(records);
        var run = new LinkRun { LocalityId = locality.Id, StartedAt = now, FinishedAt = now, StartedBy = "test", Status = LinkRunStatus.Finished };
        db.LinkRuns.Add(run);
        await db.SaveChangesAsync();
        var a = new SourceIdentity { LocalityId = locality.Id, Source = "Otherfield GP", SourceRecordId = "OG-1", GivenNames = OtherGiven, Surname = OtherFamily, Postcode = OtherPostcode, PersonId = person.Id, LinkRunId = run.Id };
        var b = new SourceIdentity { LocalityId = locality.Id, Source = "Otherfield council", SourceRecordId = "OC-1", GivenNames = OtherGiven, Surname = OtherFamily, Postcode = OtherPostcode, LinkRunId = run.Id };
        db.SourceIdentities.AddRange(a, b);
        var review = new LinkReview { LocalityId = locality.Id, LinkRunId = run.Id, IdentityAId = a.Id, IdentityBId = b.Id, Weight = 3, Probability = 0.5, ExplanationJson = "[]" };
        db.LinkReviews.Add(review);
        var import = new FlowImport { LocalityId = locality.Id, FileName = "otherfield.csv", SourceSystem = "Otherfield", ImportedBy = "test", ImportedUtc = now };
        db.FlowImports.Add(import);
        var condition = new SystemCondition { LocalityId = locality.Id, Category = ConditionCategory.Specialisation, Title = $"{OtherFamily} condition", RecordedBy = "test", RecordedUtc = now };
        db.SystemConditions.Add(condition);
        var question = new CommissioningQuestion { LocalityId = locality.Id, Number = 1, Title = $"{OtherFamily} question", Outcome = "Otherfield's outcome", RaisedBy = "test", RaisedUtc = now };
        db.CommissioningQuestions.Add(question);
        // A purpose measure of the other locality, at the strategic level, so that it would be a population curve there.
        var measure = new SavedMeasure
        {
            LocalityId = locality.Id,
            Name = $"{OtherFamily} measure",
            Purpose = "Otherfield's purpose",
            Owner = "Otherfield",
            Definition = $"{OtherFamily} definition",
            Level = MeasureLevel.Strategic,
            Counts = LocalFlow.Analytics.Measures.MeasureCount.ContactsPerHousehold,
            Period = LocalFlow.Analytics.Measures.MeasurePeriod.Month,
            FromDate = new DateOnly(2025, 1, 1),
            UpdatedBy = "test",
            UpdatedUtc = now,
        };
        db.SavedMeasures.Add(measure);
        var need = new Need { LocalityId = locality.Id, Title = $"{OtherFamily} need", Who = NeedOf.Community, EvidenceKind = NeedEvidenceKind.ConsultationTheme, Evidence = "Otherfield's theme", RecordedBy = "test", RecordedUtc = now };
        db.Needs.Add(need);
        var money = new ResourceMoney { LocalityId = locality.Id, Partner = LocalFlow.Analytics.Redesign.FundingPartner.Council, Purpose = $"{OtherFamily} money", Amount = 1m, PriceYear = 2025, Period = LocalFlow.Analytics.Redesign.MoneyPeriod.PerYear, UpdatedBy = "test", UpdatedUtc = now, Version = 1 };
        db.ResourceMoney.Add(money);
        var group = new CommissioningGroup { LocalityId = locality.Id, Name = $"{OtherFamily} group", Remit = "Otherfield's remit", Members = [new GroupMember { Name = $"{OtherGiven} {OtherFamily}", Background = "Otherfield" }] };
        db.CommissioningGroups.Add(group);
        var building = new ResourceBuilding { LocalityId = locality.Id, Name = $"{OtherFamily} hall", Owner = LocalFlow.Analytics.Redesign.FundingPartner.Council, UpdatedBy = "test", UpdatedUtc = now, Version = 1 };
        db.ResourceBuildings.Add(building);
        var gap = new WorkforceGap { LocalityId = locality.Id, Skill = $"{OtherFamily} skill", People = 1, UpdatedBy = "test", Version = 1 };
        db.WorkforceGaps.Add(gap);
        // A demand study of the other locality, with a type and a demand, for the write endpoints that take study ids.
        var frontDoor = await db.FrontDoors.OrderBy(f => f.Id).Select(f => f.Id).FirstAsync();
        var study = new DemandStudy { LocalityId = locality.Id, Service = $"{OtherFamily} study", Purpose = "Otherfield's purpose", StartsOn = new DateOnly(2026, 1, 5), CreatedAt = now, CreatedBy = "test" };
        study.FrontDoors.Add(new DemandStudyFrontDoor { FrontDoorId = frontDoor });
        db.DemandStudies.Add(study);
        await db.SaveChangesAsync();
        var otherType = new DemandType { StudyId = study.Id, Name = $"{OtherFamily} type", Nature = DemandNature.Value, CreatedAt = now };
        db.DemandTypes.Add(otherType);
        await db.SaveChangesAsync();
        var demand = new LocalFlow.Data.Entities.Demand { LocalityId = locality.Id, StudyId = study.Id, FrontDoorId = frontDoor, ReceivedAt = now, Verbatim = $"{OtherFamily} demand words", Nature = DemandNature.Value, TypeId = otherType.Id, CapturedBy = "test", CapturedAt = now };
        db.Demands.Add(demand);

        // The restricted person: a demo person with records and agency records, neither the first case history nor the
        // first by name (the table's examples), and named on by no worker.
        var northfield = await db.Localities.Where(l => l.Id != locality.Id).OrderBy(l => l.Id).Select(l => l.Id).FirstAsync();
        var story = FlowPerson(db);
        var first = UnrestrictedPerson(db);
        var namedPeople = db.NamedWorkers.Where(n => n.PersonId != null).Select(n => n.PersonId!.Value);
        var namedHouseholds = db.NamedWorkers.Where(n => n.HouseholdId != null).Select(n => n.HouseholdId!.Value);
        var keep = await db.People.Where(p => p.Id == story || p.Id == first).Select(p => p.HouseholdId).ToListAsync();
        var restricted = await db.People.Include(p => p.Household)
            .Where(p => p.LocalityId == northfield && !keep.Contains(p.HouseholdId) && !p.Restricted && p.Household != null && !p.Household.Restricted)
            .Where(p => !namedPeople.Contains(p.Id) && !namedHouseholds.Contains(p.HouseholdId!.Value))
            .Where(p => db.ActivityRecords.Any(r => r.PersonId == p.Id) && db.SourceIdentities.Any(s => s.PersonId == p.Id))
            .OrderBy(p => p.Id).FirstAsync();
        restricted.Household!.Restricted = true;
        restricted.GivenName = RestrictedGiven;
        restricted.FamilyName = RestrictedFamily;
        foreach (var identity in await db.SourceIdentities.Where(s => s.PersonId == restricted.Id).ToListAsync())
        {
            identity.GivenNames = RestrictedGiven;
            identity.Surname = RestrictedFamily;
        }
        // A review pair about the restricted person: the review queue counts it as hidden, and it may not be opened.
        var restrictedIdentity = await db.SourceIdentities.Where(s => s.PersonId == restricted.Id).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var otherIdentity = await db.SourceIdentities.Where(s => s.LocalityId == northfield && s.PersonId != null && s.Person!.HouseholdId != restricted.HouseholdId).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var northfieldRun = await db.LinkRuns.Where(r => r.LocalityId == northfield).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync();
        var restrictedReview = new LinkReview { LocalityId = northfield, LinkRunId = northfieldRun, IdentityAId = restrictedIdentity, IdentityBId = otherIdentity, Weight = 2, Probability = 0.6, ExplanationJson = "[]" };
        db.LinkReviews.Add(restrictedReview);
        // A demo demand linked to the restricted person: its linking page is hidden with them.
        var restrictedDemand = await db.Demands.Where(d => d.LocalityId == northfield).OrderByDescending(d => d.ReceivedAt).ThenBy(d => d.Id).FirstAsync();
        db.SourceIdentities.Add(new SourceIdentity { LocalityId = northfield, Source = LocalFlow.Data.Linking.DemandLinks.Source, SourceRecordId = LocalFlow.Data.Linking.DemandLinks.RecordId(restrictedDemand.Id), Surname = RestrictedFamily, PersonId = restricted.Id });
        await db.SaveChangesAsync();
        var restrictedRecord = await db.ActivityRecords.Where(r => r.PersonId == restricted.Id).OrderBy(r => r.StartUtc).Select(r => r.Id).FirstAsync();
        return new Planted(locality.Id, person.Id, records[0].Id, review.Id, run.Id, import.Id, condition.Id, restricted.Id, restrictedRecord, restricted.Household!.AddressLine, restrictedReview.Id,
            study.Id, otherType.Id, demand.Id, restrictedDemand.Id, question.Id, measure.Id)
        {
            OtherNeed = need.Id,
            OtherMoney = money.Id,
            OtherGroup = group.Id,
            OtherMember = group.Members[0].Id,
            OtherBuilding = building.Id,
            OtherGap = gap.Id,
        };
    }

    /// <summary>Every route that opens one resource, filled in with a resource no demo user may open.</summary>
    private IEnumerable<string> Forbidden(string pattern)
    {
        var p = _planted;
        return pattern switch
        {
            "/Flow/Person/{id:guid}" or "/Flow/Judge/{id:guid}" or "/Linking/Person/{id:guid}" or "/api/flow/people/{id:guid}/records" or "/api/flow/people/{id:guid}/summary"
                or "/Locality/Records/{id:guid}" or "/Locality/Person/{id:guid}/SubjectAccess" or "/Locality/Person/{id:guid}/Consent" => [Fill(pattern, p.OtherPerson), Fill(pattern, p.RestrictedPerson)],
            "/Flow/Record/{id:guid}" => [Fill(pattern, p.OtherRecord), Fill(pattern, p.RestrictedRecord)],
            "/Locality/Person/{id:guid}" or "/Locality/Conversation/{id:guid}" or "/Locality/Action/{id:guid}" or "/Locality/Statements/{id:guid}"
                or "/Locality/MyPlan/{id:guid}" or "/api/people/{id:guid}" => [Fill(pattern, p.OtherPerson)],
            "/Linking/Pair/{id:guid}" => [Fill(pattern, p.OtherReview), Fill(pattern, p.RestrictedReview)],
            "/Linking/Demand/{id:guid}" => [Fill(pattern, p.OtherDemand), Fill(pattern, p.RestrictedDemand)],
            "/Linking/Run/{id:int}" => [pattern.Replace("{id:int}", p.OtherRun.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)],
            "/Flow/ImportProgress/{id:guid}" or "/Flow/Undo/{id:guid}" => [Fill(pattern, p.OtherImport)],
            _ when pattern.StartsWith("/Conditions/", StringComparison.Ordinal) && pattern.Contains("{id:guid}", StringComparison.Ordinal)
                || pattern == "/api/conditions/{id:guid}" => [Fill(pattern, p.OtherCondition)],
            "/Redesign/Need/{id:guid}" => [Fill(pattern, p.OtherNeed)],
            "/Redesign/Money/{id:guid?}" => [$"/Redesign/Money/{p.OtherMoney}"],
            "/Redesign/NewNeed/{id:guid?}" => [$"/Redesign/NewNeed/{p.OtherNeed}"],
            "/Redesign/Building/{id:guid?}" => [$"/Redesign/Building/{p.OtherBuilding}"],
            "/Redesign/Gap/{id:int?}" => [$"/Redesign/Gap/{S(p.OtherGap)}"],
            "/Redesign/Group/{id:int?}" => [$"/Redesign/Group/{S(p.OtherGroup)}"],
            "/Redesign/Member/{group:int}/{id:int?}" => [$"/Redesign/Member/{S(p.OtherGroup)}", $"/Redesign/Member/{S(p.OtherGroup)}/{S(p.OtherMember)}"],
            _ when pattern.StartsWith("/Redesign/", StringComparison.Ordinal) && pattern.Contains("{id:guid}", StringComparison.Ordinal) => [Fill(pattern, p.OtherQuestion)],
            "/Redesign/Raise" => [$"/Redesign/Raise?condition={p.OtherCondition}", $"/Redesign/Raise?need={p.OtherNeed}"],
            "/Measures/Measure/{id:int}" => [$"/Measures/Measure/{S(p.OtherMeasure)}"],
            "/Measures/Define" => [$"/Measures/Define?id={S(p.OtherMeasure)}"],
            "/Measures/Experiment" => [$"/Measures/Experiment?measure={S(p.OtherMeasure)}"],
            _ when (pattern.StartsWith("/Demand/", StringComparison.Ordinal) || pattern.StartsWith("/api/demand/studies/", StringComparison.Ordinal)) && pattern.Contains("{id:int}", StringComparison.Ordinal)
                => [FillStudy(pattern)],
            _ => [],
        };
    }

    /// <summary>A demand route filled in with the other locality's study, type and demand.</summary>
    private string FillStudy(string pattern) => pattern
        .Replace("{id:int}", _planted.OtherStudy.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{typeId:int}", _planted.OtherType.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{demandId:guid}", _planted.OtherDemand.ToString(), StringComparison.Ordinal);

    private static string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Fill(string pattern, Guid id) => pattern.Replace("{id:guid}", id.ToString(), StringComparison.Ordinal);

    public static TheoryData<string> Users() => [.. DemoUsers.All];

    /// <summary>Opening another locality's person, record, review, run, import or condition, or a restricted person's
    /// records, answers 404 to every role that may use the route at all.</summary>
    [Theory]
    [MemberData(nameof(Users))]
    public async Task AnotherLocalitysAndRestrictedResources_AreNotFound(string user)
    {
        var client = await _app.ClientAsync(user);
        var tried = 0;
        foreach (var route in Table.Keys.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && Table[r].Split(' ').Contains(user)))
        {
            foreach (var path in Forbidden(route[4..]))
            {
                var response = await client.GetAsync(path);
                response.StatusCode.ShouldBe(HttpStatusCode.NotFound, $"{user} opened {path} ({route})");
                tried++;
            }
        }
        if (user is not "admin")
        {
            tried.ShouldBeGreaterThan(0);
        }
    }

    /// <summary>
    /// Neither the other locality's person nor the restricted person appears on any page, list, search, export,
    /// chart or API answer any role may open: every GET route of the table, each page's downloads, and searches for them.
    /// A restricted person's address appears nowhere; their name only on the locality pages, which say the record is restricted.
    /// </summary>
    [Theory]
    [MemberData(nameof(Users))]
    public async Task AnotherLocalitysAndRestrictedPeople_AppearNowhere(string user)
    {
        var client = await _app.ClientAsync(user);
        var paths = new List<string>();
        foreach (var route in Table.Keys.Where(r => r.StartsWith("GET ", StringComparison.Ordinal) && Table[r].Split(' ').Contains(user)))
        {
            // The audit trail is the administrator's record of everything, including the words searched for and refused.
            if (route is "GET /SignOut" or "GET /Flow/Undo/{id:guid}" or "GET /Admin/Audit" or "GET /api/audit")
            {
                continue;
            }
            paths.Add(await ConcreteAsync(route[4..]));
        }
        foreach (var q in new[] { OtherFamily, RestrictedFamily, RestrictedGiven + " " + RestrictedFamily, OtherPostcode })
        {
            paths.Add("/Search?q=" + Uri.EscapeDataString(q));
            paths.Add("/Locality/People?q=" + Uri.EscapeDataString(q));
            paths.Add($"/Linking/Person/{FlowPersonOf()}?q=" + Uri.EscapeDataString(q));
            paths.Add(await ConcreteAsync("/Linking/Demand/{id:guid}") + "?q=" + Uri.EscapeDataString(q));
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var checkedPages = 0;
        for (var i = 0; i < paths.Count; i++)
        {
            var path = paths[i];
            if (!seen.Add(path))
            {
                continue;
            }
            var response = await client.GetAsync(path);
            if ((int)response.StatusCode >= 300)
            {
                continue; // not this role's page (the role table is checked elsewhere)
            }
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            if (System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + path).Query)["q"] is { Length: > 0 } q)
            {
                // The search words, said back (and carried in the page's own links, and in the language link's return address).
                body = body.Replace(q, "", StringComparison.OrdinalIgnoreCase).Replace(Uri.EscapeDataString(q), "", StringComparison.OrdinalIgnoreCase)
                    .Replace(Uri.EscapeDataString(Uri.EscapeDataString(q)), "", StringComparison.OrdinalIgnoreCase);
            }
            checkedPages++;
            var leaks = Leaks(path, body);
            leaks.ShouldBeEmpty($"{user} saw a hidden person on {path}: {string.Join(", ", leaks.Select(l => Around(body, l)))}");
            if (i < paths.Count && !path.Contains("download=", StringComparison.Ordinal))
            {
                // Exports and charts: every download the page offers.
                foreach (Match m in DownloadLink().Matches(body))
                {
                    paths.Add(m.Groups[1].Value);
                }
            }
        }
        checkedPages.ShouldBeGreaterThan(5);
    }

    /// <summary>What a page shows that it must not.</summary>
    private List<string> Leaks(string path, string body)
    {
        var p = _planted;
        var found = new List<string>();
        foreach (var secret in new[] { OtherFamily, OtherPostcode, p.OtherPerson.ToString(), p.OtherRecord.ToString(), p.RestrictedAddress, p.RestrictedRecord.ToString() })
        {
            if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(secret);
            }
        }
        // The locality pages may say that a restricted person exists (never where they are); study pages leave them out.
        if (!path.StartsWith("/Locality/", StringComparison.Ordinal) && !path.StartsWith("/api/people/", StringComparison.Ordinal))
        {
            foreach (var secret in new[] { RestrictedFamily, p.RestrictedPerson.ToString() })
            {
                if (body.Contains(secret, StringComparison.OrdinalIgnoreCase))
                {
                    found.Add(secret);
                }
            }
        }
        return found;
    }

    private static string Around(string body, string secret)
    {
        var at = body.IndexOf(secret, StringComparison.OrdinalIgnoreCase);
        return $"{secret} in …{body[Math.Max(0, at - 150)..Math.Min(body.Length, at + secret.Length + 400)]}…";
    }

    private Guid FlowPersonOf()
    {
        using var scope = _app.Services.CreateScope();
        return FlowPerson(scope.ServiceProvider.GetRequiredService<LocalFlowDb>());
    }

    [GeneratedRegex("href=\"(/[^\"]*download=[^\"]*)\"")]
    private static partial Regex DownloadLink();
}
