using System.Globalization;
using System.Text;
using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LocalFlow.Web.Tests;

/// <summary>
/// Every write (page POST handler, API POST/PUT) that takes an id in its address, tried with the second locality's
/// and the restricted household's ids by every role that may open the page: each must refuse (404/403, or the
/// access-denied page for a role the handler does not allow) and change nothing in the database. Writes that take an
/// id in the form (linking an identity, adding condition evidence, merging into a type) are tried too: they may answer
/// with a form error, but must change nothing.
/// </summary>
public partial class RoleAccessTests
{
    /// <summary>One forged write: the table row whose roles try it, and the request.</summary>
    private sealed record Attempt(string Row, string Method, string Path, bool IdInAddress, object? Json = null, Dictionary<string, string>? Form = null);

    private async Task<List<Attempt>> WriteAttemptsAsync()
    {
        var p = _planted;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var study = await db.DemandStudies.Where(s => s.LocalityId != p.OtherLocality).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync();
        var type = await db.DemandTypes.Where(t => t.StudyId == study).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        var ownCondition = await db.SystemConditions.Where(c => c.LocalityId != p.OtherLocality).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync();
        var otherIdentity = await db.SourceIdentities.Where(s => s.LocalityId == p.OtherLocality && s.PersonId == null).Select(s => s.Id).FirstAsync();
        var ownPerson = FlowPerson(db);
        string S(int i) => i.ToString(CultureInfo.InvariantCulture);

        var attempts = new List<Attempt>();
        foreach (var person in new[] { p.OtherPerson, p.RestrictedPerson })
        {
            foreach (var h in new[] { "Start", "Done", "Contact", "StepBack", "Avoided", "Involve", "Name" })
            {
                attempts.Add(new("GET /Locality/Person/{id:guid}", "POST", $"/Locality/Person/{person}?handler={h}", true));
            }
            attempts.Add(new("GET /Locality/Conversation/{id:guid}", "POST", $"/Locality/Conversation/{person}", true));
            attempts.Add(new("GET /Locality/Action/{id:guid}", "POST", $"/Locality/Action/{person}", true));
            attempts.Add(new("GET /Locality/Person/{id:guid}/SubjectAccess", "POST", $"/Locality/Person/{person}/SubjectAccess?handler=Erase", true, Form: new() { ["Reason"] = "Forged request" }));
            attempts.Add(new("GET /Locality/Person/{id:guid}/Consent", "POST", $"/Locality/Person/{person}/Consent", true,
                Form: new() { ["Agreement"] = "1", ["Given"] = "yes", ["OnDay"] = "1", ["OnMonth"] = "1", ["OnYear"] = "2026" }));
            attempts.Add(new("GET /Flow/Judge/{id:guid}", "POST", $"/Flow/Judge/{person}", true, Form: new() { ["Judgement"] = "helped" }));
            foreach (var h in new[] { "Add", "Score", "Remove" })
            {
                attempts.Add(new("GET /Locality/Statements/{id:guid}", "POST", $"/Locality/Statements/{person}?handler={h}", true));
            }
            foreach (var h in new[] { "Recording", "RemoveRecording" })
            {
                attempts.Add(new("GET /Locality/MyPlan/{id:guid}", "POST", $"/Locality/MyPlan/{person}?handler={h}", true));
            }
            foreach (var h in new[] { "Link", "Unlink" })
            {
                attempts.Add(new("GET /Linking/Person/{id:guid}", "POST", $"/Linking/Person/{person}?handler={h}", true));
            }
            // Evidence pointing at a hidden person's case history, on a condition of the user's own locality.
            attempts.Add(new("GET /Conditions/Evidence/{id:guid}", "POST", $"/Conditions/Evidence/{ownCondition}?handler=Add", false,
                Form: new() { ["Input.Kind"] = "CaseHistory", ["Input.PersonId"] = person.ToString() }));
        }
        foreach (var record in new[] { p.OtherRecord, p.RestrictedRecord })
        {
            attempts.Add(new("GET /Conditions/Evidence/{id:guid}", "POST", $"/Conditions/Evidence/{ownCondition}?handler=Add", false,
                Form: new() { ["Input.Kind"] = "ActivityRecord", ["Input.RecordId"] = record.ToString() }));
        }
        // Linking the other locality's agency record to a person of the user's own locality.
        attempts.Add(new("GET /Linking/Person/{id:guid}", "POST", $"/Linking/Person/{ownPerson}?handler=Link", false,
            Form: new() { ["IdentityId"] = otherIdentity.ToString(), ["Reason"] = "Role test: another locality's record" }));
        foreach (var review in new[] { p.OtherReview, p.RestrictedReview })
        {
            attempts.Add(new("GET /Linking/Pair/{id:guid}", "POST", $"/Linking/Pair/{review}", true, Form: new() { ["Decision"] = "Same" }));
        }
        attempts.Add(new("GET /Flow/Undo/{id:guid}", "POST", $"/Flow/Undo/{p.OtherImport}", true));
        attempts.Add(new("GET /Conditions/Edit/{id:guid}", "POST", $"/Conditions/Edit/{p.OtherCondition}", true,
            Form: new() { ["Input.Title"] = "Changed by the role test", ["Input.Category"] = "Specialisation" }));
        attempts.Add(new("GET /Conditions/Delete/{id:guid}", "POST", $"/Conditions/Delete/{p.OtherCondition}", true));
        foreach (var h in new[] { "Add", "Remove" })
        {
            attempts.Add(new("GET /Conditions/Evidence/{id:guid}", "POST", $"/Conditions/Evidence/{p.OtherCondition}?handler={h}", true,
                Form: new() { ["Input.Kind"] = "FlowSignal", ["Input.Signal"] = "RepeatedAssessment" }));
        }

        // Demand: the other locality's study, and the user's own study with the other locality's type or demand.
        attempts.Add(new("GET /Measures/Define", "POST", $"/Measures/Define?id={S(p.OtherMeasure)}", true, Form: new()
        {
            ["Name"] = "Role test measure",
            ["Purpose"] = "p",
            ["Owner"] = "o",
            ["Level"] = "Strategic",
            ["Counts"] = "ContactsPerHousehold",
            ["Period"] = "Month",
            ["FromDay"] = "1",
            ["FromMonth"] = "1",
            ["FromYear"] = "2025",
            ["Definition"] = "d",
            ["Improvement"] = "down",
        }));
        attempts.Add(new("GET /Measures/Experiment", "POST", $"/Measures/Experiment?measure={S(p.OtherMeasure)}", true, Form: new()
        {
            ["Change"] = "Role test change",
            ["ForWhom"] = "Everyone",
            ["StartedOnDay"] = "1",
            ["StartedOnMonth"] = "1",
            ["StartedOnYear"] = "2026",
        }));
        var os = S(p.OtherStudy);
        attempts.Add(new("GET /Demand/Types/{id:int}", "POST", $"/Demand/Types/{os}", true, Form: new() { ["Name"] = "Role test type", ["Nature"] = "Value" }));
        foreach (var h in new[] { "Upload", "Preview", "Import" })
        {
            attempts.Add(new("GET /Demand/Import/{id:int}", "POST", $"/Demand/Import/{os}?handler={h}", true));
        }
        attempts.Add(new("GET /Demand/Analysis/{id:int}", "POST", $"/Demand/Analysis/{os}?handler=Level", true, Form: new() { ["Level"] = "5" }));
        attempts.Add(new("GET /Demand/Capture/{id:int}", "POST", $"/Demand/Capture/{os}", true, Form: new() { ["Verbatim"] = "Role test words", ["Nature"] = "Value" }));
        attempts.Add(new("GET /Demand/Capture/{id:int}", "POST", $"/Demand/Capture/{os}?handler=Suggest", true, Form: new() { ["Verbatim"] = "Role test words" }));
        foreach (var (s, t) in new[] { (os, S(p.OtherType)), (S(study), S(p.OtherType)) })
        {
            foreach (var h in new[] { "Rename", "Merge", "Split" })
            {
                attempts.Add(new("GET /Demand/Type/{id:int}/{typeId:int}", "POST", $"/Demand/Type/{s}/{t}?handler={h}", true,
                    Form: new() { ["Name"] = "Role test rename", ["IntoTypeId"] = S(type) }));
            }
        }
        foreach (var s in new[] { os, S(study) })
        {
            attempts.Add(new("GET /Demand/Correct/{id:int}/{demandId:guid}", "POST", $"/Demand/Correct/{s}/{p.OtherDemand}", true, Form: new() { ["Reason"] = "Role test" }));
        }
        attempts.Add(new("POST /api/demand/studies/{id:int}/demands", "POST", $"/api/demand/studies/{os}/demands", true,
            new { frontDoorId = db.FrontDoors.Min(f => f.Id), verbatim = "Role test demand", nature = "Value", outcome = "ResolvedThere" }));
        attempts.Add(new("POST /api/demand/studies/{id:int}/types", "POST", $"/api/demand/studies/{os}/types", true, new { name = "Role test type", nature = "Value" }));
        foreach (var s in new[] { os, S(study) })
        {
            attempts.Add(new("PUT /api/demand/studies/{id:int}/demands/{demandId:guid}", "PUT", $"/api/demand/studies/{s}/demands/{p.OtherDemand}", true,
                new { version = 0, reason = "Role test", demand = new { frontDoorId = db.FrontDoors.Min(f => f.Id), verbatim = "Changed by the role test", nature = "Value", outcome = "ResolvedThere", receivedAt = DateTime.UtcNow.AddDays(-2) } }));
            attempts.Add(new("PUT /api/demand/studies/{id:int}/types/{typeId:int}", "PUT", $"/api/demand/studies/{s}/types/{p.OtherType}", true, new { name = "Role test rename", description = "x" }));
            attempts.Add(new("POST /api/demand/studies/{id:int}/types/{typeId:int}/merge", "POST", $"/api/demand/studies/{s}/types/{p.OtherType}/merge", true, new { intoTypeId = type }));
            attempts.Add(new("POST /api/demand/studies/{id:int}/types/{typeId:int}/split", "POST", $"/api/demand/studies/{s}/types/{p.OtherType}/split", true, new { name = "Role test split", demandIds = new[] { p.OtherDemand } }));
        }
        // The user's own type, merged into or split with the other locality's.
        attempts.Add(new("POST /api/demand/studies/{id:int}/types/{typeId:int}/merge", "POST", $"/api/demand/studies/{study}/types/{type}/merge", false, new { intoTypeId = p.OtherType }));
        attempts.Add(new("POST /api/demand/studies/{id:int}/types/{typeId:int}/split", "POST", $"/api/demand/studies/{study}/types/{type}/split", false, new { name = "Role test split", demandIds = new[] { p.OtherDemand } }));
        attempts.Add(new("GET /Redesign/Money/{id:guid?}", "POST", $"/Redesign/Money/{p.OtherMoney}", true,
            Form: new() { ["Input.Partner"] = "council", ["Input.Purpose"] = "Role test", ["Input.Amount"] = "1", ["Input.Period"] = "year", ["Input.PriceYear"] = "2025", ["Input.Version"] = "1" }));
        attempts.Add(new("GET /Redesign/Money/{id:guid?}", "POST", $"/Redesign/Money/{p.OtherMoney}?handler=Remove", true));
        attempts.Add(new("GET /Redesign/Building/{id:guid?}", "POST", $"/Redesign/Building/{p.OtherBuilding}", true,
            Form: new() { ["Input.Name"] = "Role test", ["Input.Owner"] = "council", ["Input.Version"] = "1" }));
        attempts.Add(new("GET /Redesign/Building/{id:guid?}", "POST", $"/Redesign/Building/{p.OtherBuilding}?handler=Remove", true));
        attempts.Add(new("GET /Redesign/Gap/{id:int?}", "POST", $"/Redesign/Gap/{S(p.OtherGap)}", true,
            Form: new() { ["Input.Skill"] = "Role test", ["Input.People"] = "1", ["Input.Version"] = "1" }));
        attempts.Add(new("GET /Redesign/Gap/{id:int?}", "POST", $"/Redesign/Gap/{S(p.OtherGap)}?handler=Remove", true));
        attempts.Add(new("GET /Redesign/NewNeed/{id:guid?}", "POST", $"/Redesign/NewNeed/{p.OtherNeed}", true,
            Form: new() { ["Input.Title"] = "Role test", ["Input.Who"] = "Community", ["Input.EvidenceKind"] = "ConsultationTheme", ["Input.Evidence"] = "Role test", ["Input.Version"] = "1" }));
        attempts.Add(new("GET /Redesign/NewNeed/{id:guid?}", "POST", $"/Redesign/NewNeed/{p.OtherNeed}?handler=Remove", true));
        var ownGroup = S(await db.CommissioningGroups.Where(g => g.LocalityId != p.OtherLocality).MinAsync(g => g.Id));
        var memberForm = new Dictionary<string, string> { ["Input.Name"] = "Role test member", ["Input.Kind"] = "citizen", ["Input.Background"] = "Role test" };
        attempts.Add(new("GET /Redesign/Group/{id:int?}", "POST", $"/Redesign/Group/{S(p.OtherGroup)}", true, Form: new() { ["Input.Name"] = "Role test group", ["Input.Remit"] = "Role test" }));
        attempts.Add(new("GET /Redesign/Member/{group:int}/{id:int?}", "POST", $"/Redesign/Member/{S(p.OtherGroup)}", true, Form: memberForm));
        attempts.Add(new("GET /Redesign/Member/{group:int}/{id:int?}", "POST", $"/Redesign/Member/{S(p.OtherGroup)}/{S(p.OtherMember)}", true, Form: memberForm));
        attempts.Add(new("GET /Redesign/Member/{group:int}/{id:int?}", "POST", $"/Redesign/Member/{S(p.OtherGroup)}/{S(p.OtherMember)}?handler=Remove", true));
        // The other locality's member, reached through one's own group.
        attempts.Add(new("GET /Redesign/Member/{group:int}/{id:int?}", "POST", $"/Redesign/Member/{ownGroup}/{S(p.OtherMember)}?handler=Remove", true));
        attempts.Add(new("GET /Redesign/Raise", "POST", $"/Redesign/Raise?need={p.OtherNeed}", true, Form: new() { ["Input.Title"] = "Role test question", ["Input.Outcome"] = "Role test" }));
        return attempts;
    }

    [Fact]
    public async Task WritesWithAnotherLocalitysOrARestrictedHouseholdsIds_AreRefused_AndChangeNothing()
    {
        var attempts = await WriteAttemptsAsync();
        var before = await FingerprintAsync();
        before.ShouldContain(_planted.OtherCondition.ToString(), customMessage: "the fingerprint covers the other locality's rows");
        before.ShouldContain(_planted.RestrictedRecord.ToString(), customMessage: "the fingerprint covers the restricted person's rows");
        var refusedByResource = 0;
        var problems = new List<string>();
        foreach (var user in DemoUsers.All)
        {
            var client = await _app.ClientAsync(user);
            var token = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/antiforgery")).RootElement.GetProperty("token").GetString()!;
            foreach (var a in attempts.Where(a => Table[a.Row].Split(' ').Contains(user)))
            {
                using var request = new HttpRequestMessage(new HttpMethod(a.Method), a.Path);
                request.Headers.Add("RequestVerificationToken", token);
                request.Content = a.Json is not null
                    ? System.Net.Http.Json.JsonContent.Create(a.Json)
                    : new FormUrlEncodedContent(a.Form ?? new Dictionary<string, string> { ["Reason"] = "Role test" });
                var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = status is 403 or 404;
                var denied = status == 302 && location.Contains("/AccessDenied", StringComparison.Ordinal);
                if (refused)
                {
                    refusedByResource++;
                }
                else if (a.IdInAddress ? !denied : status is >= 300 and < 400 && !denied || status is 500)
                {
                    problems.Add($"{user} {a.Method} {a.Path} answered {status} {location}");
                }
            }
        }
        problems.ShouldBeEmpty();
        refusedByResource.ShouldBeGreaterThan(attempts.Count(a => a.IdInAddress) / 2);
        var after = await FingerprintAsync();
        after.ShouldBe(before, "a refused write changed the database");
    }

    /// <summary>
    /// The database as far as the forged writes could reach: every table's row count, and every column of every row
    /// that belongs to the other locality or concerns the restricted person or household (the audit trail, which
    /// records refusals, aside).
    /// </summary>
    private async Task<string> FingerprintAsync()
    {
        var p = _planted;
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LocalFlowDb>();
        var restrictedHousehold = await db.People.Where(x => x.Id == p.RestrictedPerson).Select(x => x.HouseholdId).SingleAsync();
        var otherHousehold = await db.People.Where(x => x.Id == p.OtherPerson).Select(x => x.HouseholdId).SingleAsync();
        var concerned = new HashSet<object>
        {
            p.OtherLocality, p.OtherPerson, p.RestrictedPerson, p.OtherRecord, p.RestrictedRecord, p.OtherReview, p.RestrictedReview,
            p.OtherImport, p.OtherCondition, p.OtherDemand,
        };
        var bySet = typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!;
        var text = new StringBuilder();
        foreach (var entity in db.Model.GetEntityTypes().Where(t => !t.IsOwned() && !t.HasSharedClrType && t.ClrType != typeof(AuditEvent)).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            var rows = await ((IQueryable<object>)bySet.MakeGenericMethod(entity.ClrType).Invoke(db, null)!).AsNoTracking().ToListAsync();
            text.Append(entity.Name).Append(": ").Append(rows.Count).Append('\n');
            var properties = entity.GetProperties().Where(x => x.PropertyInfo is not null).ToList();
            var localityColumn = properties.FirstOrDefault(x => x.Name == "LocalityId");
            var studyColumn = properties.FirstOrDefault(x => x.Name == "StudyId");
            foreach (var row in rows)
            {
                var values = properties.Select(x => (x.Name, Value: x.PropertyInfo!.GetValue(row))).ToList();
                var mine = values.Any(v => v.Name.EndsWith("Id", StringComparison.Ordinal) && v.Value is Guid g && (concerned.Contains(g) || restrictedHousehold == g || otherHousehold == g))
                    || localityColumn is not null && Equals(localityColumn.PropertyInfo!.GetValue(row), p.OtherLocality)
                    || studyColumn is not null && Equals(studyColumn.PropertyInfo!.GetValue(row), p.OtherStudy)
                    || entity.ClrType == typeof(LocalFlow.Data.Entities.DemandType) && Equals(values.First(v => v.Name == "Id").Value, p.OtherType);
                if (mine)
                {
                    text.Append("  ").AppendJoin(" | ", values.Select(v => $"{v.Name}={Convert.ToString(v.Value, CultureInfo.InvariantCulture)}")).Append('\n');
                }
            }
        }
        return text.ToString();
    }
}
