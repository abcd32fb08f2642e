using LocalFlow.Data;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.Web.Resources;
using LocalFlow.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Web.Pages.Locality;

/// <summary>
/// "My plan": a page for the person, in plain words — what matters to them and their I statements in their own words,
/// who their key worker is, what will happen next, and their recording. Prints on A4; has a large-print version.
/// </summary>
[Authorize(Policy = Policies.LocalityWork)]
[RequestFormLimits(MultipartBodyLengthLimit = PlanRecordings.MaxBytes + (4 * 1024 * 1024))]
[RequestSizeLimit(PlanRecordings.MaxBytes + (4 * 1024 * 1024))]
[LocalFlow.Web.Infrastructure.FileSizeLimit(LocalFlow.Data.LocalityWork.PlanRecordings.MaxBytes)]
public sealed class MyPlanModel(LocalFlowDb db, CurrentUser current) : PageModel
{
    /// <summary>One thing that will happen (or has happened): what, who and when.</summary>
    public sealed record PlanStep(string What, string Who, DateOnly When, DateOnly? DoneOn);

    public Person Person { get; private set; } = null!;
    public IReadOnlyList<WhatMattered> Mattered { get; private set; } = [];
    public IReadOnlyList<PersonStatement> Statements { get; private set; } = [];
    public LocalFlow.Analytics.Locality.IStatementSeries Series { get; private set; } = LocalFlow.Analytics.Locality.IStatementSeries.Build([], []);
    public Worker? KeyWorker { get; private set; }
    public IReadOnlyList<(string Who, string Why)> AlsoHelping { get; private set; } = [];
    public IReadOnlyList<PlanStep> Next { get; private set; } = [];
    public IReadOnlyList<PlanStep> Done { get; private set; } = [];
    public PlanRecording? Recording { get; private set; }
    public string? SteppedBackInTheirWords { get; private set; }

    /// <summary>The large-print version (?print=large).</summary>
    public bool Large { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, string? print)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        Large = print == "large";
        await PersonInView.AuditReadAsync(db, Person, AuditEventType.LocalityCaseRead, Large ? "My plan (large print)" : "My plan");
        return Page();
    }

    /// <summary>The recording itself, for the page's player and for download.</summary>
    public async Task<IActionResult> OnGetRecordingAsync(Guid id, Guid recording)
    {
        var person = await PersonInView.SeenInFullAsync(db, current.Viewer, id);
        if (person is null)
        {
            return NotFound();
        }
        var row = await db.PlanRecordings.AsNoTracking().SingleOrDefaultAsync(r => r.LocalityId == person.LocalityId && r.PersonId == person.Id && r.Id == recording && r.RemovedUtc == null);
        if (row is null)
        {
            return NotFound();
        }
        var bytes = await db.PlanRecordingContents.AsNoTracking().Where(c => c.LocalityId == row.LocalityId && c.Id == row.Id).Select(c => c.Content).SingleAsync();
        await AuditTrail.ReadAsync(db, AuditEventType.LocalityCaseRead, nameof(PlanRecording), row.Id.ToString(), row.LocalityId, "Recording of my plan played or downloaded");
        Response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(bytes, row.ContentType) { FileDownloadName = row.FileName, EnableRangeProcessing = true };
    }

    public async Task<IActionResult> OnPostRecordingAsync(Guid id, IFormFile? upload)
    {
        if (!await LoadAsync(id))
        {
            return NotFound();
        }
        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", PlanText.ChooseRecording);
            return Page();
        }
        await using var stream = upload.OpenReadStream();
        var (_, error) = await PlanRecordings.AddAsync(db, Person, upload.FileName, stream, upload.Length, current.UserName);
        if (error is not null)
        {
            ModelState.AddModelError("upload", error);
            return Page();
        }
        TempData["Done"] = PlanText.Added;
        return Redirect($"/Locality/MyPlan/{id}");
    }

    public async Task<IActionResult> OnPostRemoveRecordingAsync(Guid id, Guid recording)
    {
        var person = await PersonInView.SeenInFullAsync(db, current.Viewer, id);
        if (person is null)
        {
            return NotFound();
        }
        TempData["Done"] = await PlanRecordings.RemoveAsync(db, person, recording, current.UserName) ? PlanText.Removed : PlanText.AlreadyRemoved;
        return Redirect($"/Locality/MyPlan/{id}");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var person = await PersonInView.SeenInFullAsync(db, current.Viewer, id);
        if (person is null)
        {
            return false;
        }
        Person = person;
        Mattered = await db.WhatMattered.AsNoTracking().Where(w => w.LocalityId == person.LocalityId && w.PersonId == person.Id && w.RemovedUtc == null)
            .OrderBy(w => w.AskedOn).ToListAsync();
        (Statements, Series) = await IStatements.SeriesAsync(db, person);
        var support = await new Supports(db).ForPersonAsync(person);
        if (support is not null)
        {
            KeyWorker = support.KeyWorker;
            SteppedBackInTheirWords = support.SteppedBackOn is null ? null : support.NeedMetInTheirWords;
            var involved = await db.Involvements.AsNoTracking().Include(i => i.Worker)
                .Where(i => i.LocalityId == person.LocalityId && i.SupportId == support.Id && i.RemovedUtc == null).OrderBy(i => i.From).ToListAsync();
            var entryIds = involved.Where(i => i.DirectoryEntryId != null).Select(i => i.DirectoryEntryId!.Value).ToList();
            var actions = await db.TeamActions.AsNoTracking()
                .Where(a => a.LocalityId == person.LocalityId && a.SupportId == support.Id && a.PersonId == person.Id && a.RemovedUtc == null).ToListAsync();
            entryIds.AddRange(actions.Where(a => a.DirectoryEntryId != null).Select(a => a.DirectoryEntryId!.Value));
            var entries = await db.DirectoryEntries.AsNoTracking().Where(e => e.LocalityId == person.LocalityId && entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name);
            var workerIds = actions.Where(a => a.WorkerId != null).Select(a => a.WorkerId!.Value).Distinct().ToList();
            var workers = await db.Workers.AsNoTracking().Where(w => workerIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, w => w.Name);
            AlsoHelping = [.. involved.Select(i => (i.Worker?.Name ?? (i.DirectoryEntryId is Guid e && entries.TryGetValue(e, out var n) ? n : PlanText.SomeoneFromDirectory), i.Why))];
            string Who(TeamAction a) => a.WorkerId is int w && workers.TryGetValue(w, out var wn) ? wn
                : a.DirectoryEntryId is Guid e && entries.TryGetValue(e, out var en) ? en : PlanText.NotDecided;
            Next = [.. actions.Where(a => a.DoneOn is null).OrderBy(a => a.When).Select(a => new PlanStep(a.What, Who(a), a.When, null))];
            Done = [.. actions.Where(a => a.DoneOn is not null).OrderByDescending(a => a.DoneOn).Take(5).Select(a => new PlanStep(a.What, Who(a), a.When, a.DoneOn))];
        }
        Recording = await PlanRecordings.LatestAsync(db, person);
        return true;
    }
}
