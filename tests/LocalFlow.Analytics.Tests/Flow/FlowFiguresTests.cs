using LocalFlow.Analytics.Flow;
using static LocalFlow.Analytics.Tests.Flow.FlowTestLog;

namespace LocalFlow.Analytics.Tests.Flow;

public class FlowFiguresTests
{
    [Fact]
    public void Jake_ClosuresFollowedByNewContacts_AreExitsAndReEntries()
    {
        // the first months of Jake's story: advice and closure, anonymous call, letter, closure, grandmother back, advice...
        var log = Log(
            E("jake", 0, ActivityKind.Contact, "Children's services", "advice request"),
            E("jake", 1, ActivityKind.Assessment, "Children's services", "initial"),
            E("jake", 2, ActivityKind.ServiceProvided, "Children's services", "advice and guidance"),
            E("jake", 7, ActivityKind.Closure, "Children's services"),
            E("jake", 17, ActivityKind.Contact, "Children's services", "anonymous concern"),
            E("jake", 18, ActivityKind.Document, "Children's services", "letter"),
            E("jake", 21, ActivityKind.Closure, "Children's services"),
            E("jake", 31, ActivityKind.Contact, "Children's services", "advice"),
            E("jake", 32, ActivityKind.Contact, "School", "check"));
        var f = new FlowAnalyzer(log).Person(0);
        f.Records.ShouldBe(9);
        // exits: advice and guidance (day 2), closure (7), closure (21), the contact answered with advice (31)
        f.Exits.ShouldBe(4);
        // re-entries: day 17 follows the exits of days 2/7, day 31 follows 21, day 32 follows the advice on day 31
        f.ReEntries.ShouldBe(3);
        f.Documents.ShouldBe(1);
        f.Agencies.ShouldBe(2);
    }

    [Fact]
    public void RepeatedAssessments_AreTheSameTypeWithinTheWindow_ByAnyAgency()
    {
        var log = Log(
            E("m", 0, ActivityKind.Assessment, "Council", "Falls"),
            E("m", 30, ActivityKind.Assessment, "NHS", "falls"),
            E("m", 60, ActivityKind.Assessment, "NHS", "Risk"),
            E("m", 500, ActivityKind.Assessment, "Council", "falls"),
            E("m", 501, ActivityKind.Assessment, "Council"),
            E("m", 502, ActivityKind.Assessment, "Council"));
        var f = new FlowAnalyzer(log).Person(0);
        f.Assessments.ShouldBe(6);
        // only day 30 repeats: day 500 is 470 days after the last falls assessment, untyped ones never repeat
        f.RepeatedAssessments.ShouldBe(1);
        new FlowAnalyzer(log, new FlowOptions { RepeatAssessmentDays = 500 }).Person(0).RepeatedAssessments.ShouldBe(2);
    }

    [Fact]
    public void Cycles_AreAnAssessmentThenAReferral_WithNoAssessmentBetween()
    {
        var log = Log(
            E("r", 0, ActivityKind.Assessment, "Council", "family"),
            E("r", 5, ActivityKind.ServiceProvided, "Council"),
            E("r", 10, ActivityKind.Referral, "Council", referredTo: "Adult social care"),
            E("r", 11, ActivityKind.Referral, "Adult social care", referredTo: "OT"),
            E("r", 20, ActivityKind.Assessment, "OT", "bathing"),
            E("r", 200, ActivityKind.Referral, "OT", referredTo: "Council"),
            E("r", 210, ActivityKind.Assessment, "Council", "parenting"),
            E("r", 215, ActivityKind.Assessment, "Council", "independence"),
            E("r", 220, ActivityKind.Referral, "Council", referredTo: "Charity"));
        var f = new FlowAnalyzer(log).Person(0);
        f.Referrals.ShouldBe(4);
        // 0→10 is a cycle; 11 has no open assessment; 20→200 is beyond 90 days; 215→220 is a cycle (210 was superseded)
        f.AssessDoReferCycles.ShouldBe(2);
    }

    [Fact]
    public void Melvyn_HospitalDays_AndDaysAfterMedicallyFit()
    {
        var july = new DateTimeOffset(2011, 7, 1, 10, 0, 0, TimeSpan.FromHours(1));
        ActivityEvent At(DateTimeOffset t, ActivityKind k) => new("melvyn", null, "NHS trust", "Ward 4", null, k, null, null, null, t);
        var log = Log(
            At(july, ActivityKind.Admission),
            At(july.AddDays(12), ActivityKind.Discharge),
            At(july.AddDays(12).AddHours(5), ActivityKind.Contact),
            At(july.AddDays(13), ActivityKind.Admission),
            At(july.AddDays(17), ActivityKind.MedicallyFit),
            At(july.AddDays(30), ActivityKind.MedicallyFit),
            At(july.AddDays(60), ActivityKind.Discharge),
            new("melvyn", null, "NHS trust", null, null, ActivityKind.Admission, null, null, null, july.AddDays(100), july.AddDays(142)),
            At(july.AddDays(150), ActivityKind.Contact));
        var analyzer = new FlowAnalyzer(log);
        var f = analyzer.Person(0);
        f.HospitalAdmissions.ShouldBe(3);
        f.HospitalDays.ShouldBe(12 + 47 + 42);
        f.DaysAfterMedicallyFit.ShouldBe(43);
        f.Interactions.ShouldBe(5); // discharges and medically-fit markers are not interactions
        analyzer.StaysOf(0).Select(s => s.Days).ShouldBe([12, 47, 42]);
        analyzer.StaysOf(0)[2].Discharge.ShouldBe(-1);
    }

    [Fact]
    public void HelpedShare_Cost_AndNeedMet()
    {
        var log = Log(
            E("p", 0, ActivityKind.Contact, "Council", cost: 10m, helped: false),
            E("p", 1, ActivityKind.Assessment, "Council", "care", helped: false),
            E("p", 2, ActivityKind.ServiceProvided, "Charity", "need met", helped: true),
            E("p", 3, ActivityKind.Document, "Council"));
        var analyzer = new FlowAnalyzer(log, unitCosts: (agency, kind, _) => kind == ActivityKind.Assessment ? 250m : null);
        var f = analyzer.Person(0);
        f.JudgedRecords.ShouldBe(3);
        f.HelpedRecords.ShouldBe(1);
        f.HelpedShare!.Value.ShouldBe(1 / 3.0, 1e-9);
        f.Cost.ShouldBe(260m);
        f.UncostedRecords.ShouldBe(2);
        f.DaysToNeedMet.ShouldBe(2);
    }

    [Fact]
    public void Describe_WritesTheSeedsSentence_ForPaul()
    {
        // Paul: 179 records by 91 staff from 20 teams over 10 months; 12 assessments, 11 referrals; 6 admissions, 81 days
        var events = new List<ActivityEvent>();
        var start = new DateTimeOffset(2012, 1, 10, 9, 0, 0, TimeSpan.Zero);
        var n = 0;
        void Add(ActivityKind k, double day, int? staff = null) =>
            events.Add(new("paul", null, "Agency" + (n % 91 % 20 % 5), "Team" + (n % 91 % 20), "W" + ((staff ?? n) % 91), k, k == ActivityKind.Assessment ? "type" + n : null, null, null, start.AddDays(day)) { });
        int[] stays = [10, 20, 15, 12, 14, 10];
        for (var s = 0; s < 6; s++, n++)
        {
            Add(ActivityKind.Admission, (s * 50) + 1);
            n++;
            Add(ActivityKind.Discharge, (s * 50) + 1 + stays[s]);
        }
        for (var a = 0; a < 12; a++, n++)
        {
            Add(ActivityKind.Assessment, 2 + a);
        }
        for (var r = 0; r < 11; r++, n++)
        {
            Add(ActivityKind.Referral, 3 + r);
        }
        while (events.Count < 178)
        {
            Add(ActivityKind.Contact, 4 + (n % 250));
            n++;
        }
        events.Add(new("paul", null, "Agency0", "Team0", "W0", ActivityKind.Review, null, null, null, new DateTimeOffset(2012, 11, 12, 9, 0, 0, TimeSpan.Zero)));
        var log = Log([.. events]);
        var f = new FlowAnalyzer(log).Person(0);
        f.Describe().ShouldBe("Over 10 months: 179 activity records by 91 staff from 20 teams; 12 assessments, 11 referrals; 6 hospital admissions totalling 81 days");
    }

    [Fact]
    public void Describe_UsesDaysAndYears_AndSingulars()
    {
        var shortLog = Log(E("a", 0, ActivityKind.Contact, worker: "w", team: "t"), E("a", 3, ActivityKind.Assessment));
        new FlowAnalyzer(shortLog).Person(0).Describe().ShouldBe("Over 3 days: 2 activity records by 1 member of staff from 1 team; 1 assessment, 0 referrals");
        var longLog = Log(E("a", 0, ActivityKind.Contact), E("a", 366 * 16, ActivityKind.Referral));
        new FlowAnalyzer(longLog).Person(0).Describe().ShouldStartWith("Over 16 years: 2 activity records by 0 staff from 0 teams");
    }

    [Fact]
    public void Cohort_SumsPeople_AndSpreadsRecords()
    {
        var log = Log(E("a", 0, ActivityKind.Contact), E("b", 0, ActivityKind.Contact), E("b", 1, ActivityKind.Referral), E("c", 0, ActivityKind.Assessment),
            E("c", 1, ActivityKind.Assessment), E("c", 2, ActivityKind.Assessment));
        var cohort = CohortFigures.Of(new FlowAnalyzer(log).AllPeople(), log);
        cohort.People.ShouldBe(3);
        cohort.Records.ShouldBe(6);
        cohort.Assessments.ShouldBe(3);
        cohort.RecordsPerPerson.ShouldBe(new Spread(1, 1, 2, 3, 3));
    }

    [Fact]
    public void CostCurve_ShowsWhatWasDone_BesideWhatMattered()
    {
        // Ruth: a cleaner, a move and a stair lift; the council spent on assessments, services and reviews
        var log = Log(
            E("ruth", 0, ActivityKind.Assessment, cost: 1000m),
            E("ruth", 365, ActivityKind.ServiceProvided, cost: 5000m),
            E("ruth", 400, ActivityKind.Contact),
            E("ruth", 730, ActivityKind.Review, cost: 500m));
        List<WhatMatteredItem> mattered =
        [
            new("Stair lift", 5_000m, new DateOnly(2011, 6, 1)),
            new("Cleaner, 10 hours a week for four years", 14_560m, new DateOnly(2011, 1, 1)),
            new("Move to a suitable property", 1_200m),
        ];
        var curve = CostCurve.For(new FlowAnalyzer(log), 0, mattered);
        curve.Actual.ShouldBe(6500m);
        curve.WhatMattered.ShouldBe(20_760m);
        curve.Difference.ShouldBe(-14_260m);
        // the uncosted contact adds no step; each step's total is the sum so far
        curve.Done.Select(s => s.Total).ShouldBe([1000m, 6000m, 6500m]);
        curve.Done.Select(s => log.Kind(s.Source)).ShouldBe([ActivityKind.Assessment, ActivityKind.ServiceProvided, ActivityKind.Review]);
        // what mattered in date order; an item with no date counts from the first record (09:00 on 1 January 2011)
        curve.Mattered.Select(s => s.Source).ShouldBe([1, 2, 0]);
        curve.Mattered.Select(s => s.Total).ShouldBe([14_560m, 15_760m, 20_760m]);
    }
}
