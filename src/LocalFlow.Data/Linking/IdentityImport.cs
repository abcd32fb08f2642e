using LocalFlow.Analytics.Linking;
using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Linking;

/// <summary>What an agency's identity extract holds before it is stored: the columns used, the rows, and every problem by row.</summary>
public sealed record IdentityPreview(
    string Source,
    IReadOnlyDictionary<string, LinkField> Mapping,
    IReadOnlyList<LinkRecord> Records,
    IReadOnlyList<RecordIssue> Errors,
    IReadOnlyList<RecordIssue> Warnings,
    int New,
    int Updated)
{
    public bool CanStore => Errors.Count == 0 && Records.Count > 0;
}

/// <summary>
/// Imports one agency's identity extract (names, dates of birth, addresses, ids as that system holds them) into
/// the locality's source records, for linking. A record already held (same source and record id) has its details
/// brought up to date and keeps the person it was linked to; a new one arrives unlinked until the next run.
/// The whole file is stored in one transaction, or nothing is.
/// </summary>
public static class IdentityImport
{
    /// <summary>The longest source name kept.</summary>
    public const int MaxSourceLength = 100;

    /// <summary>
    /// Reads and checks the extract without storing anything. Errors (the file refused): no record id column,
    /// an empty or repeated record id. Warnings (kept, reported): malformed dates of birth, NHS numbers with a
    /// wrong check digit, bad e-mail addresses — linking treats those values as unknown.
    /// </summary>
    /// <exception cref="LinkageInputException">The file cannot be read as an extract (empty, ragged rows, no identifier).</exception>
    public static async Task<IdentityPreview> PreviewAsync(LocalFlowDb db, int localityId, string source, string csvText, CancellationToken ct = default)
    {
        source = source.Trim();
        if (source.Length is 0 or > MaxSourceLength)
        {
            throw new LinkageInputException($"Name the system the extract comes from (up to {MaxSourceLength} characters).");
        }
        using var reader = new StringReader(csvText);
        var read = LinkCsv.Read(source, reader);
        var errors = new List<RecordIssue>();
        if (!read.Mapping.Values.Contains(LinkField.RecordId))
        {
            errors.Add(new RecordIssue(source, "", 1, "record id", "", "no column holds the system's record id (name one \"record id\", \"id\" or \"rec_id\"): without it a later extract cannot update these records"));
        }
        else
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < read.Records.Count; i++)
            {
                var id = read.Records[i].RecordId;
                if (id.Length == 0)
                {
                    errors.Add(new RecordIssue(source, id, i + 2, "record id", "", "the record id is empty"));
                }
                else if (id.Length > 200)
                {
                    errors.Add(new RecordIssue(source, id[..20] + "…", i + 2, "record id", "", "the record id is longer than 200 characters"));
                }
                else if (!seen.TryAdd(id, i + 2))
                {
                    errors.Add(new RecordIssue(source, id, i + 2, "record id", id, $"the same record id is on line {seen[id]}"));
                }
            }
        }
        for (var i = 0; i < read.Records.Count; i++)
        {
            var r = read.Records[i];
            foreach (var problem in Demands.CsvText.NotText([r.RecordId, r.GivenNames, r.Surname, r.PreviousSurnames, r.DateOfBirth, r.Sex, r.HouseNumber, r.Postcode, r.NhsNumber, r.OtherId, r.Phone, r.Email, .. r.AddressLines]))
            {
                errors.Add(new RecordIssue(source, r.RecordId.Length > 20 ? r.RecordId[..20] + "…" : r.RecordId, i + 2, "", "", problem));
            }
        }
        var warnings = new ClearTextSchema([.. read.Records]).Issues.Select(w => w with { Row = w.Row + 1 }).ToList();
        var held = (await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.Source == source).Select(s => s.SourceRecordId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var updated = read.Records.Select(r => r.RecordId).Distinct(StringComparer.Ordinal).Count(held.Contains);
        return new IdentityPreview(source, read.Mapping, read.Records, errors, warnings, read.Records.Count - updated, updated);
    }

    /// <summary>Stores a checked extract in one transaction with one audit entry; returns (new, updated).</summary>
    public static async Task<(int New, int Updated)> StoreAsync(LocalFlowDb db, int localityId, int? agencyId, string fileName, IdentityPreview preview, CancellationToken ct = default)
    {
        if (!preview.CanStore)
        {
            throw new LinkageInputException(preview.Records.Count == 0 ? "The extract has no records." : $"The extract has {preview.Errors.Count} problems; nothing was stored.");
        }
        var source = preview.Source;
        var held = await db.SourceIdentities.Where(s => s.LocalityId == localityId && s.Source == source).ToDictionaryAsync(s => s.SourceRecordId, StringComparer.Ordinal, ct);
        var previous = db.AuditChangesIndividually;
        db.AuditChangesIndividually = false;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            int added = 0, changed = 0;
            foreach (var r in preview.Records)
            {
                if (!held.TryGetValue(r.RecordId, out var s))
                {
                    s = new SourceIdentity { LocalityId = localityId, Source = source, SourceRecordId = r.RecordId };
                    db.SourceIdentities.Add(s);
                    added++;
                }
                else
                {
                    changed++;
                }
                s.AgencyId = agencyId ?? s.AgencyId;
                s.GivenNames = Blank(r.GivenNames);
                s.Surname = Blank(r.Surname);
                s.PreviousSurnames = Blank(r.PreviousSurnames);
                s.DateOfBirth = Blank(r.DateOfBirth);
                s.Sex = Blank(r.Sex);
                s.AddressLine = Blank(string.Join(", ", r.AddressLines.Where(l => !string.IsNullOrWhiteSpace(l))));
                s.HouseNumber = Blank(r.HouseNumber);
                s.Postcode = Blank(r.Postcode);
                s.NhsNumber = Blank(r.NhsNumber);
                s.OtherId = Blank(r.OtherId);
                s.Phone = Blank(r.Phone);
                s.Email = Blank(r.Email);
                s.RecordDate = r.RecordDate ?? s.RecordDate;
            }
            AuditTrail.Add(db, AuditEventType.LinkChanged, AuditOperation.Create, nameof(SourceIdentity), null, localityId,
                $"Imported the identity extract {fileName} from {source}: {added:N0} new records, {changed:N0} brought up to date");
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return (added, changed);
        }
        catch
        {
            await tx.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            throw;
        }
        finally
        {
            db.AuditChangesIndividually = previous;
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
