using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Redesign;

/// <summary>What was wrong with a redesign form, field by field, in plain English.</summary>
public sealed class RedesignInputException(IReadOnlyDictionary<string, string> errors)
    : Exception(string.Join(" ", errors.Values))
{
    public IReadOnlyDictionary<string, string> Errors { get; } = errors;
}

/// <summary>The programme's vision and principles as typed into the form, with the version they were read at.</summary>
public sealed class ProgrammeInput
{
    public string? Name { get; set; }
    public string? Vision { get; set; }
    public string? Principles { get; set; }
    public int Version { get; set; }
}

/// <summary>The locality's redesign programme: made on first use with the seeds' commissioning stance as its principles.</summary>
public static class Programme
{
    /// <summary>
    /// The commissioning stance of the systems-thinking seeds, the default principles of every new programme:
    /// cooperation over competition, no exclusion by size, no payment by results.
    /// </summary>
    public static readonly string DefaultPrinciples = string.Join('\n',
        "Cooperation over competition: providers, partners and citizens work together on what matters to people, rather than bidding against each other.",
        "No exclusion by size: small and community organisations take part on equal terms; nobody is shut out for being small.",
        "No payment by results: nobody is paid or ranked on outcome figures, which invite gaming; measures are for learning.");

    /// <summary>The programme of <paramref name="localityId"/>, made (and saved) with the default principles if it has none yet.</summary>
    public static async Task<RedesignProgramme> EnsureAsync(LocalFlowDb db, int localityId, CancellationToken ct = default)
    {
        if (await db.RedesignProgrammes.SingleOrDefaultAsync(p => p.LocalityId == localityId, ct) is { } found)
        {
            return found;
        }
        var made = New(localityId);
        db.RedesignProgrammes.Add(made);
        await db.SaveChangesAsync(ct);
        return made;
    }

    /// <summary>A new programme with no vision yet and the default principles.</summary>
    public static RedesignProgramme New(int localityId) => new() { LocalityId = localityId, Name = "Redesign programme", Principles = DefaultPrinciples };

    /// <summary>The principles, one a line, blank lines left out.</summary>
    public static IReadOnlyList<string> PrinciplesOf(RedesignProgramme p)
        => p.Principles.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// Saves the vision and principles. When someone else saved since <see cref="ProgrammeInput.Version"/> was read,
    /// nothing is saved and the stored programme is returned as the conflict, so the form can show both.
    /// </summary>
    public static async Task<(bool Saved, RedesignProgramme Current)> SaveAsync(LocalFlowDb db, int localityId, ProgrammeInput input, string by, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var name = (input.Name ?? "").Trim();
        if (name.Length == 0)
        {
            errors["Name"] = "Enter the programme's name.";
        }
        else if (name.Length > 200)
        {
            errors["Name"] = "The programme's name must be 200 characters or fewer.";
        }
        if (errors.Count > 0)
        {
            throw new RedesignInputException(errors);
        }
        var p = await EnsureAsync(db, localityId, ct);
        if (p.Version != input.Version)
        {
            return (false, p);
        }
        p.Name = name;
        p.Vision = (input.Vision ?? "").Trim();
        p.Principles = (input.Principles ?? "").Trim();
        p.Version++;
        p.UpdatedBy = by;
        p.UpdatedUtc = db.Clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(ct);
            return (true, p);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (false, await db.RedesignProgrammes.AsNoTracking().SingleAsync(x => x.LocalityId == localityId, ct));
        }
    }
}
