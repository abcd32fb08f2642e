using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LocalFlow.Analytics.Locality;
using LocalFlow.Data.LocalityWork;

namespace LocalFlow.Cli.Commands;

/// <summary>
/// `localflow locality picture|tiers`: the figures of the locality picture page (docs/locality-picture.md) as CSV or
/// JSON, from the same <see cref="LocalityPicture"/>. Like `localflow economics`, the command line sees every
/// household and withholds nothing: keep its output to those who may see people. It prints figures by street,
/// postcode and tier, never a household's address.
/// </summary>
internal static class LocalityCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Command Create()
    {
        var command = new Command("locality", "The locality picture and tiers (see docs/locality-picture.md).");
        command.Subcommands.Add(Verb("picture", "Flags by household count, by street and postcode, the most frequent issues, households on several services and how concentrated demand is.", Picture));
        command.Subcommands.Add(Verb("tiers", "Households by tier (in balance / either way / serious help): in all, by street and over time, with the rule used.", TierFigures));
        return command;
    }

    private static Command Verb(string name, string description, Func<LocalityPicture, bool, string> print)
    {
        var today = new Option<DateOnly?>("--today") { HelpName = "date", Description = "The day the picture is as at, like 2026-12-07 (today by default)." };
        var format = new Option<string>("--format") { Description = "csv (default) or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var locality = FlowCommand.LocalityOption();
        var command = new Command(name, description) { today, format, locality, DatabaseArguments.Database, DatabaseArguments.DataDirectory };
        command.SetAction(async (parse, ct) =>
        {
            await using var db = await DatabaseArguments.OpenCurrentAsync(parse, "cli locality " + name, ct);
            if (db is null)
            {
                return 1;
            }
            if (await FlowStoreCommands.LocalityAsync(db, parse.GetValue(locality), ct) is not { } localityId)
            {
                return 2;
            }
            var day = parse.GetValue(today) ?? DateOnly.FromDateTime(DateTime.UtcNow);
            var picture = await LocalityPicture.LoadAsync(db, localityId, new HashSet<Guid>(), day, ct: ct);
            Console.Out.Write(print(picture, parse.GetValue(format) == "json"));
            return 0;
        });
        return command;
    }

    private static string Picture(LocalityPicture p, bool json)
    {
        var flagged = p.Flags.Count(f => f.Flags.Count > 0);
        if (json)
        {
            return JsonSerializer.Serialize(new
            {
                Households = p.Households.Count,
                Flagged = flagged,
                p.SeveralServices,
                DemandShareOfHouseholdsForHalf = p.Concentration.ShareForHalf,
                Rules = p.Rules.Select(r => new { r.Name, r.Agency, r.Team, Kind = r.Kind?.ToString(), r.Type }),
                p.DefaultRules,
                FlagsPerHousehold = p.Flags.GroupBy(f => f.Flags.Count).OrderBy(g => g.Key).Select(g => new { Flags = g.Key, Households = g.Count() }),
                p.FlagFrequencies,
                p.DemandTypes,
                p.WhatMatters,
                Streets = p.Streets,
                Postcodes = p.Postcodes,
            }, Json) + Environment.NewLine;
        }
        var sb = new StringBuilder("section,item,measure,value\n");
        void Line(string section, string item, string measure, IFormattable value) => sb.Append(section).Append(',').Append(EconomicsCommand.Quote(item)).Append(',').Append(measure).Append(',').Append(value.ToString(null, Invariant)).Append('\n');
        Line("locality", "all", "households", p.Households.Count);
        Line("locality", "all", "flagged", flagged);
        Line("locality", "all", "several_services", p.SeveralServices);
        Line("concentration", "records", "share_of_households_for_half", Math.Round(p.Concentration.ShareForHalf, 4));
        foreach (var g in p.Flags.GroupBy(f => f.Flags.Count).OrderBy(g => g.Key))
        {
            Line("flags_per_household", g.Key.ToString(Invariant), "households", g.Count());
        }
        foreach (var (section, list) in new[] { ("flag", p.FlagFrequencies), ("demand_type", p.DemandTypes), ("what_matters", p.WhatMatters) })
        {
            foreach (var f in list)
            {
                Line(section, f.What, "households", f.Households);
                Line(section, f.What, "times", f.Times);
            }
        }
        foreach (var (section, areas) in new[] { ("street", p.Streets), ("postcode", p.Postcodes) })
        {
            foreach (var a in areas)
            {
                Line(section, a.Area, "households", a.Households);
                Line(section, a.Area, "flagged", a.Flagged);
                Line(section, a.Area, "flags", a.Flags);
                Line(section, a.Area, "records", a.Records);
                Line(section, a.Area, "several_services", a.SeveralServices);
            }
        }
        return sb.ToString();
    }

    private static string TierFigures(LocalityPicture p, bool json)
    {
        if (json)
        {
            return JsonSerializer.Serialize(new
            {
                Rule = p.TierRule,
                Tiers = Enum.GetValues<Tier>().Select(t => new { Tier = t.ToString(), Words = Tiers.Words(t) }),
                All = p.TierTotals,
                Overridden = p.Placements.Count(x => x.Overridden),
                ByStreet = p.TiersByStreet,
                OverTime = p.TiersOverTime,
                Statement = "A tier is a picture of the locality, never a threshold: it does not decide who is helped.",
            }, Json) + Environment.NewLine;
        }
        var sb = new StringBuilder("section,item,in_balance,either_way,serious_help\n");
        void Line(string section, TierCounts c) => sb.Append(section).Append(',').Append(EconomicsCommand.Quote(c.Label)).Append(',')
            .Append(c.InBalance.ToString(Invariant)).Append(',').Append(c.EitherWay.ToString(Invariant)).Append(',').Append(c.SeriousHelp.ToString(Invariant)).Append('\n');
        Line("all", p.TierTotals);
        foreach (var c in p.TiersByStreet)
        {
            Line("street", c);
        }
        foreach (var c in p.TiersOverTime)
        {
            Line("over_time", c);
        }
        return sb.ToString();
    }
}
