using LocalFlow.Data.Audit;
using LocalFlow.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Tests;

/// <summary>
/// The audit proves itself (issue 14, item 5): rewriting, replacing or removing entries, even with the append-only
/// triggers dropped, is named by <see cref="AuditChain.VerifyAsync"/>; REPLACE and upsert are refused outright.
/// </summary>
public class AuditChainTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task AWholeChain_Verifies_AndAnchorsWhereItEnds(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await WriteAsync(db, 6);
        await using var ctx = db.Options.CreateContext();
        var result = await AuditChain.VerifyAsync(ctx);
        result.ShouldBe(new AuditVerification(true, 6, null, null, 0, null));
        var anchor = await ctx.AuditAnchors.SingleAsync();
        anchor.AuditEventId.ShouldBe(await ctx.AuditEvents.MaxAsync(e => e.Id));
        // the bounded check starts after the anchor
        await WriteAsync(db, 2);
        (await AuditChain.VerifyAsync(ctx, fromLastAnchor: true)).ShouldBe(new AuditVerification(true, 2, null, null, 0, anchor.AuditEventId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ARewrittenEntry_IsNamed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var ids = await WriteAsync(db, 6);
        await TamperAsync(db, $"UPDATE audit_events SET detail = 'nothing to see' WHERE id = {ids[2]}");
        await ShouldBeBrokenAtAsync(db, ids[2], "changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeletedEntries_AreNamed_ByTheEntryAfterThem(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var ids = await WriteAsync(db, 6);
        await TamperAsync(db, $"DELETE FROM audit_events WHERE id IN ({ids[1]}, {ids[2]})");
        await ShouldBeBrokenAtAsync(db, ids[3], "removed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DeletingTheLastEntries_IsNamed_ByTheAnchor(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var ids = await WriteAsync(db, 4);
        await using (var ctx = db.Options.CreateContext())
        {
            (await AuditChain.VerifyAsync(ctx)).Whole.ShouldBeTrue();
        }
        await TamperAsync(db, $"DELETE FROM audit_events WHERE id >= {ids[2]}");
        await ShouldBeBrokenAtAsync(db, ids[3], "missing");
        await using (var ctx = db.Options.CreateContext())
        {
            (await AuditChain.VerifyAsync(ctx, fromLastAnchor: true)).BrokenAt.ShouldBe(ids[3]);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReplaceAndUpsert_AreRefused_AndWithTheTriggersDropped_AreNamed(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        var ids = await WriteAsync(db, 5);
        var replace = provider == DatabaseProvider.Sqlite
            ? $"INSERT OR REPLACE INTO audit_events (id, at, user_name, event_type, operation, entity_type, source, detail) VALUES ({ids[1]}, '2026-01-01 00:00:00', 'x', 100, 9, 'User', 'sql', 'replaced')"
            : $"INSERT INTO audit_events (id, at, user_name, event_type, operation, entity_type, source, detail) VALUES ({ids[1]}, now(), 'x', 100, 9, 'User', 'sql', 'replaced') ON CONFLICT (id) DO UPDATE SET detail = 'replaced'";
        await using (var ctx = db.Options.CreateContext())
        {
            await Should.ThrowAsync<Exception>(() => ctx.Database.ExecuteSqlRawAsync(replace));
            (await AuditChain.VerifyAsync(ctx)).Whole.ShouldBeTrue();
        }
        await TamperAsync(db, replace);
        await ShouldBeBrokenAtAsync(db, ids[1], "changed");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ConcurrentWriters_DoNotForkTheChain(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateUpgradedAsync(provider);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => WriteAsync(db, 15))));
        await using var ctx = db.Options.CreateContext();
        (await AuditChain.VerifyAsync(ctx)).ShouldBe(new AuditVerification(true, 90, null, null, 0, null));
    }

    private static async Task ShouldBeBrokenAtAsync(TestDatabase db, long id, string word)
    {
        await using var ctx = db.Options.CreateContext();
        var result = await AuditChain.VerifyAsync(ctx);
        result.Whole.ShouldBeFalse();
        result.BrokenAt.ShouldBe(id);
        result.Problem.ShouldNotBeNull().ShouldContain(word);
    }

    /// <summary>Runs SQL as someone with the database's owner rights would: triggers dropped first, put back after.</summary>
    private static async Task TamperAsync(TestDatabase db, string sql)
    {
        await using var ctx = db.Options.CreateContext();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await ctx.Database.ExecuteSqlRawAsync("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; DROP TRIGGER audit_events_no_replace;");
            await ctx.Database.ExecuteSqlRawAsync(sql);
            await ctx.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "audit_events_no_update" BEFORE UPDATE ON "audit_events" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                CREATE TRIGGER "audit_events_no_delete" BEFORE DELETE ON "audit_events" BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END;
                """);
        }
        else
        {
            await ctx.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change");
            await ctx.Database.ExecuteSqlRawAsync(sql);
            await ctx.Database.ExecuteSqlRawAsync("ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change");
        }
    }

    /// <summary>Writes entries as the app does (some saves carry several), and returns their ids in order.</summary>
    private static async Task<List<long>> WriteAsync(TestDatabase db, int count)
    {
        var ids = new List<long>();
        for (var i = 0; i < count;)
        {
            await using var ctx = db.Options.CreateContext();
            var batch = new List<AuditEvent>();
            for (var j = 0; j < 1 + (i % 2) && i < count; j++, i++)
            {
                AuditTrail.Add(ctx, AuditEventType.PersonRead, AuditOperation.Read, "Person", $"p{i}", null, $"read number {i}");
                batch.Add(ctx.AuditEvents.Local.Last());
            }
            await ctx.SaveChangesAsync();
            ids.AddRange(batch.Select(e => e.Id));
        }
        return ids;
    }
}
