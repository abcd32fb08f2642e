using LocalFlow.Data.Audit;
using LocalFlow.Data.Entities;
using LocalFlow.Data.LocalityWork;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests.LocalityWork;

public class IStatementsTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    private static readonly DateOnly March = new(2026, 3, 2);
    private static readonly DateOnly May = new(2026, 5, 11);

    private static async Task<(Person Mary, Person Graham)> SeedAsync(LocalFlowDb ctx)
    {
        var loc = new Entities.Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        await ctx.SaveChangesAsync();
        var home = new Household { LocalityId = loc.Id, AddressLine = "1 Pit Lane", Postcode = "NF1 1AA" };
        ctx.Households.Add(home);
        var mary = new Person { LocalityId = loc.Id, HouseholdId = home.Id, GivenName = "Mary", FamilyName = "Price" };
        var graham = new Person { LocalityId = loc.Id, HouseholdId = home.Id, GivenName = "Graham", FamilyName = "Price" };
        ctx.People.AddRange(mary, graham);
        await ctx.SaveChangesAsync();
        return (mary, graham);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Statements_KeepTheirWordsExactly_AndScoresOnTwoDates_MakeTheSeries(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "kim", "test"));
        var (mary, graham) = await SeedAsync(ctx);
        const string own = "  I get a night's sleep — without worrying 😴 ";

        (await IStatements.AddAsync(ctx, mary, false, [("Example0", IStatements.Examples[4]), ("Own", own), ("Blank", "   ")], "kim", March)).ShouldBeEmpty();
        (await IStatements.AddAsync(ctx, mary, true, [("Own", "We have time for ourselves")], "kim", March)).ShouldBeEmpty();
        var statements = await IStatements.OwnQuery(ctx, mary).ToListAsync();
        statements.Select(s => s.Words).ShouldBe(["We have time for ourselves", "I have more confidence", own]);

        (await IStatements.ScoreAsync(ctx, mary, March, [(statements[0].Id, "S0", "3"), (statements[1].Id, "S1", "2"), (statements[2].Id, "S2", "")], "kim", TimeProvider.System)).ShouldBeEmpty();
        (await IStatements.ScoreAsync(ctx, mary, May, [(statements[0].Id, "S0", "6"), (statements[1].Id, "S1", " 7 "), (statements[2].Id, "S2", "4")], "kim", TimeProvider.System)).ShouldBeEmpty();
        // scoring again on the same date replaces the score
        (await IStatements.ScoreAsync(ctx, mary, May, [(statements[1].Id, "S1", "8")], "kim", TimeProvider.System)).ShouldBeEmpty();

        var (_, series) = await IStatements.SeriesAsync(ctx, mary);
        series.Dates.ShouldBe([March, May]);
        series.Lines[1].Points.Select(p => p.Score).ShouldBe([2, 8]);
        series.Lines[2].Points.Select(p => p.Score).ShouldBe([4]);
        // Graham sees the household's statement but not Mary's own
        var (grahams, _) = await IStatements.SeriesAsync(ctx, graham);
        grahams.Select(s => s.Words).ShouldBe(["We have time for ourselves"]);
        (await ctx.AuditEvents.CountAsync(a => a.EntityType == nameof(StatementScore))).ShouldBe(6);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BadInput_GetsAnErrorNamingTheField_AndSavesNothing(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "kim", "test"));
        var (mary, _) = await SeedAsync(ctx);
        (await IStatements.AddAsync(ctx, mary, false, [("Own", "I have more confidence")], "kim", March)).ShouldBeEmpty();
        var errors = await IStatements.AddAsync(ctx, mary, false, [("Example4", "I have more confidence"), ("Own", new string('x', 501))], "kim", March);
        errors.Select(e => e.Field).ShouldBe(["Example4", "Own"]);
        var id = (await IStatements.OwnQuery(ctx, mary).SingleAsync()).Id;

        var scoreErrors = await IStatements.ScoreAsync(ctx, mary, March, [(id, "Score0", "11")], "kim", TimeProvider.System);
        scoreErrors.Single().Field.ShouldBe("Score0");
        scoreErrors.Single().Message.ShouldContain("I have more confidence");
        (await IStatements.ScoreAsync(ctx, mary, DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2), [(id, "Score0", "5")], "kim", TimeProvider.System)).Single().Field.ShouldBe("ScoredOn");
        (await IStatements.ScoreAsync(ctx, mary, null, [(id, "Score0", "five")], "kim", TimeProvider.System)).Select(e => e.Field).ShouldBe(["ScoredOn", "Score0"]);
        (await ctx.StatementScores.CountAsync()).ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Remove_IsSoft_AndRefusedOnAnOlderCopy(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "kim", "test"));
        var (mary, _) = await SeedAsync(ctx);
        (await IStatements.AddAsync(ctx, mary, false, [("Own", "I am listened to and heard")], "kim", March)).ShouldBeEmpty();
        var statement = await IStatements.OwnQuery(ctx, mary).SingleAsync();

        (await IStatements.RemoveAsync(ctx, mary, statement.Id, statement.Version + 1, "kim")).ShouldNotBeNull();
        (await IStatements.RemoveAsync(ctx, mary, statement.Id, statement.Version, "kim")).ShouldBeNull();
        (await IStatements.OwnQuery(ctx, mary).CountAsync()).ShouldBe(0);
        var kept = await ctx.PersonStatements.SingleAsync();
        kept.RemovedBy.ShouldBe("kim");
        kept.Words.ShouldBe("I am listened to and heard");
    }
}

public class PlanRecordingsTests
{
    private sealed record Actor(int? UserId, string UserName, string Source) : IAuditActor;

    public static TheoryData<string, byte[]> Kinds => new()
    {
        { "audio/wav", [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8] },
        { "audio/mpeg", [.. "ID3"u8, 4, 0, 0, 0, 0, 0, 0] },
        { "audio/ogg", [.. "OggS"u8, 0, 2] },
        { "video/webm", [0x1A, 0x45, 0xDF, 0xA3, 1, 0] },
        { "audio/mp4", [0, 0, 0, 0x20, .. "ftypM4A "u8] },
        { "video/mp4", [0, 0, 0, 0x20, .. "ftypisom"u8] },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Detect_FindsTheKindFromTheContent(string expected, byte[] head) => PlanRecordings.Detect(head).ShouldBe(expected);

    [Fact]
    public void Detect_RefusesAnythingElse_WhateverItIsCalled()
    {
        PlanRecordings.Detect("<html><script>"u8).ShouldBeNull();
        PlanRecordings.Detect("%PDF-1.7"u8).ShouldBeNull();
        PlanRecordings.Detect("MZ\u0090\0"u8).ShouldBeNull();
        PlanRecordings.Detect([]).ShouldBeNull();
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Add_StoresARecording_RefusesTheWrongKindOrTooLarge_AndRemovesSoftly(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await using var ctx = db.Options.CreateContext(new Actor(3, "kim", "test"));
        var loc = new Entities.Locality { Name = "Northfield" };
        ctx.Localities.Add(loc);
        await ctx.SaveChangesAsync();
        var mary = new Person { LocalityId = loc.Id, GivenName = "Mary", FamilyName = "Price" };
        ctx.People.Add(mary);
        await ctx.SaveChangesAsync();

        var (_, error) = await PlanRecordings.AddAsync(ctx, mary, "plan.mp3", new MemoryStream("<html>not audio</html>"u8.ToArray()), null, "kim");
        error.ShouldBe($"The file \"plan.mp3\" is not an audio or video recording LocalFlow can play: it must be {PlanRecordings.Accepted}");
        (_, error) = await PlanRecordings.AddAsync(ctx, mary, "big.wav", new MemoryStream(new byte[PlanRecordings.MaxBytes + 1]), null, "kim");
        error.ShouldNotBeNull().ShouldContain("too large");

        byte[] wav = [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVEfmt "u8, 1, 2, 3];
        var (recording, ok) = await PlanRecordings.AddAsync(ctx, mary, "../../etc/my plan.wav", new MemoryStream(wav), wav.Length, "kim");
        ok.ShouldBeNull();
        recording!.FileName.ShouldBe("my plan.wav");
        recording.ContentType.ShouldBe("audio/wav");
        (await ctx.PlanRecordingContents.SingleAsync()).Content.ShouldBe(wav);
        (await PlanRecordings.LatestAsync(ctx, mary))!.Id.ShouldBe(recording.Id);

        (await PlanRecordings.RemoveAsync(ctx, mary, recording.Id, "kim")).ShouldBeTrue();
        (await PlanRecordings.LatestAsync(ctx, mary)).ShouldBeNull();
        (await ctx.PlanRecordings.CountAsync()).ShouldBe(1);
    }
}
