using System.Globalization;
using LocalFlow.Data.Demands;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>Which list of the resource database a CSV file holds.</summary>
public enum ResourceSheet
{
    Money = 1,
    Buildings = 2,
}

/// <summary>One problem with an imported file: the line it is on (1 is the header), the column, and what is wrong.</summary>
public sealed record CsvProblem(int Line, string? Column, string Message)
{
    public override string ToString() => Column is null ? $"Line {Line}: {Message}" : $"Line {Line}, column {Column}: {Message}";
}

/// <summary>What an import did: the rows it stored, or the problems that stopped it (and then nothing changed).</summary>
public sealed record ResourceImport(int Imported, IReadOnlyList<CsvProblem> Problems)
{
    public bool Done => Problems.Count == 0;
}

/// <summary>
/// The resource database's money and buildings in and out of CSV (UTF-8, header row, RFC 4180; see <see cref="CsvText"/>).
/// A file holds a whole list: importing it replaces the locality's list with the file's rows, all or nothing, so an
/// export opened in a spreadsheet, changed and imported again is the new list. Every row is checked by the same
/// checks as the form; any problem, named by line and column, refuses the whole file and changes nothing.
/// </summary>
public static class ResourceCsv
{
    public const int MaxRows = 5000;

    /// <summary>The columns of each sheet, in the order export writes them; import takes them in any order.</summary>
    public static IReadOnlyList<string> Columns(ResourceSheet sheet) => sheet == ResourceSheet.Money
        ? ["partner", "body", "purpose", "amount", "price_year", "period", "note", "first_stage", "last_stage"]
        : ["name", "kind", "owner", "place", "opening_hours", "capacity", "used_by", "first_stage", "last_stage"];

    /// <summary>The columns a file must have.</summary>
    public static IReadOnlyList<string> Required(ResourceSheet sheet) => sheet == ResourceSheet.Money
        ? ["partner", "purpose", "amount", "price_year", "period"]
        : ["name", "owner"];

    /// <summary>The locality's list as CSV text.</summary>
    public static async Task<string> ExportAsync(LocalFlowDb db, int localityId, ResourceSheet sheet, CancellationToken ct = default)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvText.WriteRecord(writer, Columns(sheet));
        if (sheet == ResourceSheet.Money)
        {
            foreach (var m in await ResourceDatabase.MoneyAsync(db, localityId, ct))
            {
                var i = MoneyInput.From(m);
                CsvText.WriteRecord(writer, [i.Partner, i.Body, i.Purpose, i.Amount, i.PriceYear, i.Period, i.Note, i.FirstStage, i.LastStage]);
            }
        }
        else
        {
            foreach (var b in await ResourceDatabase.BuildingsAsync(db, localityId, ct))
            {
                CsvText.WriteRecord(writer, [b.Name, b.Kind, ResourceDatabase.Code(b.Owner), b.Place, b.OpeningHours, b.Capacity?.ToString(CultureInfo.InvariantCulture), b.UsedBy, b.FirstStage?.ToString(), b.LastStage?.ToString()]);
            }
        }
        return writer.ToString();
    }

    /// <summary>Replaces the locality's list with the file's rows, or, when any row or the header is wrong, changes nothing and says why.</summary>
    public static async Task<ResourceImport> ImportAsync(LocalFlowDb db, int localityId, ResourceSheet sheet, string text, string by, CancellationToken ct = default)
    {
        var problems = new List<CsvProblem>();
        var records = CsvText.Read(text ?? "");
        if (records.Count == 0 || records[0].Fields.All(string.IsNullOrWhiteSpace))
        {
            return new(0, [new CsvProblem(1, null, $"The file is empty: it needs a header row ({string.Join(",", Columns(sheet))}), then one row per line.")]);
        }
        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToArray();
        var known = Columns(sheet);
        foreach (var (name, at) in header.Select((h, i) => (h, i + 1)))
        {
            if (!known.Contains(name))
            {
                problems.Add(new(records[0].Line, name.Length == 0 ? $"{at}" : name, $"column {at} of the header is not one LocalFlow knows; the columns are {string.Join(", ", known)}."));
            }
            else if (Array.IndexOf(header, name) != at - 1)
            {
                problems.Add(new(records[0].Line, name, "the header names this column twice."));
            }
        }
        foreach (var missing in Required(sheet).Where(r => !header.Contains(r)))
        {
            problems.Add(new(records[0].Line, missing, "the header has no such column, and every row needs it."));
        }
        var rows = records.Skip(1).Where(r => !r.Fields.All(string.IsNullOrWhiteSpace)).ToList();
        if (rows.Count > MaxRows)
        {
            problems.Add(new(records[0].Line, null, $"the file has {rows.Count} rows; at most {MaxRows} can be imported at once."));
        }
        if (problems.Count > 0)
        {
            return new(0, problems);
        }
        var thisYear = db.Clock.GetUtcNow().Year;
        var money = new List<ResourceMoney>();
        var buildings = new List<ResourceBuilding>();
        var now = db.Clock.GetUtcNow().UtcDateTime;
        foreach (var row in rows)
        {
            if (row.Fields.Length > header.Length)
            {
                problems.Add(new(row.Line, null, $"the row has {row.Fields.Length} cells but the header names {header.Length} columns."));
                continue;
            }
            if (row.Fields.Any(f => f.Contains('\uFFFD', StringComparison.Ordinal) || f.Contains('\0', StringComparison.Ordinal)))
            {
                problems.Add(new(row.Line, null, "the row has bytes that are not UTF-8 text: save the file as UTF-8 and import it again."));
                continue;
            }
            string? Cell(string column)
            {
                var at = Array.IndexOf(header, column);
                return at >= 0 && at < row.Fields.Length ? Analytics.CsvFormula.Restore(row.Fields[at]) : null;
            }
            Dictionary<string, string> errors;
            if (sheet == ResourceSheet.Money)
            {
                errors = ResourceDatabase.Check(new MoneyInput { Partner = Cell("partner"), Body = Cell("body"), Purpose = Cell("purpose"), Amount = Cell("amount"), PriceYear = Cell("price_year"), Period = Cell("period"), Note = Cell("note"), FirstStage = Cell("first_stage"), LastStage = Cell("last_stage") }, thisYear, out var line);
                if (line is not null)
                {
                    line.LocalityId = localityId;
                    line.UpdatedBy = by;
                    line.UpdatedUtc = now;
                    line.Version = 1;
                    money.Add(line);
                }
            }
            else
            {
                errors = ResourceDatabase.Check(new BuildingInput { Name = Cell("name"), Kind = Cell("kind"), Owner = Cell("owner"), Place = Cell("place"), OpeningHours = Cell("opening_hours"), Capacity = Cell("capacity"), UsedBy = Cell("used_by"), FirstStage = Cell("first_stage"), LastStage = Cell("last_stage") }, out var building);
                if (building is not null)
                {
                    building.LocalityId = localityId;
                    building.UpdatedBy = by;
                    building.UpdatedUtc = now;
                    buildings.Add(building);
                }
            }
            problems.AddRange(errors.OrderBy(e => Array.IndexOf(header, e.Key)).Select(e => new CsvProblem(row.Line, e.Key, e.Value)));
        }
        if (problems.Count > 0)
        {
            return new(0, problems);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (sheet == ResourceSheet.Money)
        {
            await db.ResourceMoney.Where(m => m.LocalityId == localityId).ExecuteDeleteAsync(ct);
            db.ResourceMoney.AddRange(money);
        }
        else
        {
            await db.ResourceBuildings.Where(b => b.LocalityId == localityId).ExecuteDeleteAsync(ct);
            db.ResourceBuildings.AddRange(buildings);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(sheet == ResourceSheet.Money ? money.Count : buildings.Count, []);
    }
}
