using LocalFlow.Data.Entities;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Two demand studies in Northfield: a finished three-week study of the adult social care contact team
/// (about 1,500 demands through four front doors, people-centred, with life context), and a transactional
/// study of the council contact centre still in progress. Verbatims are built from phrase templates written
/// for LocalFlow, with slots for who is calling, when and how long they have waited, so that they read with
/// the variety of real speech. Only raw demands are stored: every figure is computed by the engine.
/// </summary>
internal sealed class NorthfieldDemandStudies : IDemoPart
{
    public int Order => 40;
    public string Name => "Demand studies";

    private const string FinishedService = "Adult social care contact team";
    private const string RunningService = "Council contact centre: council tax, bins and benefits";

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var random = context.RandomFor(Name);
        var locality = context.Locality;
        var doors = db.FrontDoors.Where(f => f.LocalityId == locality.Id).ToDictionary(f => f.Name);
        var council = db.Agencies.Single(a => a.ShortName == "Council");
        var duty = db.Teams.Single(t => t.AgencyId == council.Id && t.Name == "Adult social care duty team");
        var contact = db.Teams.Single(t => t.AgencyId == council.Id && t.Name == "Contact centre");

        // The finished study: three working weeks, starting on the Monday eight weeks before "today".
        var start = Monday(context.Today.AddDays(-56));
        var finished = new DemandStudy
        {
            LocalityId = locality.Id,
            Service = FinishedService,
            Kind = StudyKind.PeopleCentred,
            Purpose = "Help me live the life I want, safely, in my own home, with the people and things that matter to me.",
            StartsOn = start,
            EndsOn = start.AddDays(18),
            TeamId = duty.Id,
            StudyTeam = "Sam (study lead)\nPriya, contact team adviser\nGareth, duty social worker\nLinda, team manager\nTom, occupational therapist",
            PredictableLevel = 0.02,
            CreatedAt = start.ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            CreatedBy = "study",
        };
        foreach (var name in new[] { "Adult social care front door", "Council contact centre phone line", "Council one-stop shop (office)", "Council web form" })
        {
            finished.FrontDoors.Add(new DemandStudyFrontDoor { FrontDoorId = doors[name].Id });
        }
        db.DemandStudies.Add(finished);

        var running = new DemandStudy
        {
            LocalityId = locality.Id,
            Service = RunningService,
            Kind = StudyKind.Transactional,
            Purpose = "Sort out what I rang about, first time, so I don't have to ring again.",
            StartsOn = Weekday(context.Today.AddDays(-6)),
            EndsOn = Weekday(context.Today.AddDays(-6)).AddDays(20),
            TeamId = contact.Id,
            StudyTeam = "Sam (study lead)\nJo, contact centre adviser\nMarcus, revenues officer",
            PredictableLevel = 0.03,
            CreatedAt = Weekday(context.Today.AddDays(-6)).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            CreatedBy = "study",
        };
        foreach (var name in new[] { "Council contact centre phone line", "Council web form" })
        {
            running.FrontDoors.Add(new DemandStudyFrontDoor { FrontDoorId = doors[name].Id });
        }
        db.DemandStudies.Add(running);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var finishedDoors = new (FrontDoor Door, int Weight)[]
        {
            (doors["Adult social care front door"], 45),
            (doors["Council contact centre phone line"], 25),
            (doors["Council one-stop shop (office)"], 14),
            (doors["Council web form"], 16),
        };
        var days = Enumerable.Range(0, 19).Select(start.AddDays).Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var count = await AddStudyAsync(context, finished, AdultSocialCare, finishedDays: days, perDay: 100, finishedDoors, random, progress, ct);

        var runningDoors = new (FrontDoor Door, int Weight)[]
        {
            (doors["Council contact centre phone line"], 70),
            (doors["Council web form"], 30),
        };
        var runningDays = Enumerable.Range(0, 7).Select(running.StartsOn.AddDays)
            .Where(d => d < context.Today && d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        count += await AddStudyAsync(context, running, ContactCentre, runningDays, perDay: 45, runningDoors, random, progress, ct);
        progress.Report(new DemoProgress(Name, $"{count:N0} demands in two studies", 1));
    }

    private static DateOnly Monday(DateOnly d)
    {
        while (d.DayOfWeek != DayOfWeek.Monday)
        {
            d = d.AddDays(-1);
        }
        return d;
    }

    private static DateOnly Weekday(DateOnly d)
    {
        while (d.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            d = d.AddDays(-1);
        }
        return d;
    }

    private static async Task<int> AddStudyAsync(DemoContext context, DemandStudy study, TypeSpec[] specs, List<DateOnly> finishedDays, int perDay, (FrontDoor Door, int Weight)[] doors, Random random, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var types = new Dictionary<string, DemandType>();
        foreach (var spec in specs)
        {
            var type = new DemandType
            {
                StudyId = study.Id,
                Name = spec.Name,
                Nature = spec.Kind is null ? DemandNature.Value : DemandNature.Failure,
                Description = spec.Description,
                CreatedAt = study.CreatedAt,
            };
            types[spec.Name] = type;
            db.DemandTypes.Add(type);
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        var firstSeen = new HashSet<string>();
        var totalWeight = specs.Sum(s => s.Weight);
        var count = 0;
        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        foreach (var day in finishedDays)
        {
            // Mondays are busiest and Fridays quieter, with day-to-day noise.
            var factor = day.DayOfWeek switch { DayOfWeek.Monday => 1.25, DayOfWeek.Friday => 0.85, _ => 1.0 };
            var n = Math.Max(5, (int)Math.Round(perDay * factor * (0.85 + (0.3 * random.NextDouble()))));
            var times = Enumerable.Range(0, n).Select(_ => ArrivalMinute(random)).Order().ToList();
            foreach (var minute in times)
            {
                var spec = Pick(specs, totalWeight, random);
                var (door, _) = PickDoor(doors, spec, random);
                var local = day.ToDateTime(new TimeOnly(0, 0)).AddMinutes(minute);
                var received = TimeZoneInfo.ConvertTimeToUtc(local, london);
                var kind = spec.Kind;
                var outcome = spec.Outcomes[random.Next(spec.Outcomes.Length)];
                var type = types[spec.Name];
                firstSeen.Add(spec.Name);
                // drawn in the order they always were, so that a seed makes the same locality
                var id = DemoContext.NextId(random);
                var said = Speech.Say(spec, door.Channel, random);
                db.Demands.Add(new Demand
                {
                    Id = id,
                    LocalityId = study.LocalityId,
                    StudyId = study.Id,
                    FrontDoorId = door.Id,
                    Channel = door.Channel,
                    ReceivedAt = received,
                    Verbatim = said,
                    Language = Speech.LanguageOf(said),
                    WhatTheyWanted = spec.Wanted,
                    Nature = type.Nature,
                    FailureKind = kind,
                    FailureOther = kind == FailureKind.Other ? spec.Description : null,
                    TypeId = type.Id,
                    Outcome = outcome,
                    ReferredTo = outcome == TransactionOutcome.ReferredOn ? spec.ReferredTo[random.Next(spec.ReferredTo.Length)] : null,
                    LifeContext = study.Kind == StudyKind.PeopleCentred && random.Next(100) < 65 ? Speech.Context(random) : null,
                    CapturedBy = "study",
                    CapturedAt = received.AddSeconds(40 + random.Next(200)),
                });
                count++;
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            db.Attach(context.Locality);
            progress.Report(new DemoProgress("Demand studies", $"{study.Service}: {day:d MMM}", 0.5));
        }
        // Types nobody has heard yet in a study still running are not made up front: drop them.
        foreach (var spec in specs.Where(s => !firstSeen.Contains(s.Name)))
        {
            db.DemandTypes.Remove(types[spec.Name]);
        }
        foreach (var spec in specs.Where(s => firstSeen.Contains(s.Name)))
        {
            db.DemandTypeChanges.Add(new DemandTypeChange { TypeId = types[spec.Name].Id, Kind = DemandTypeChangeKind.Created, At = study.CreatedAt, By = "study", Detail = $"Created as \"{spec.Name}\"" });
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        db.Attach(context.Locality);
        return count;
    }

    /// <summary>Minutes after midnight: 08:30 to 17:30, busiest first thing and after lunch.</summary>
    private static int ArrivalMinute(Random random)
    {
        var roll = random.Next(100);
        var (from, to) = roll switch
        {
            < 30 => (8 * 60 + 30, 10 * 60 + 30),
            < 55 => (10 * 60 + 30, 12 * 60 + 30),
            < 80 => (13 * 60, 15 * 60),
            _ => (15 * 60, 17 * 60 + 30),
        };
        return from + random.Next(to - from);
    }

    private static TypeSpec Pick(TypeSpec[] specs, int total, Random random)
    {
        var r = random.Next(total);
        foreach (var s in specs)
        {
            r -= s.Weight;
            if (r < 0)
            {
                return s;
            }
        }
        return specs[^1];
    }

    private static (FrontDoor Door, int Weight) PickDoor((FrontDoor Door, int Weight)[] doors, TypeSpec spec, Random random)
    {
        // Professionals write in through the web form; a few demands only ever come one way.
        if (spec.WebOnly)
        {
            var web = doors.FirstOrDefault(d => d.Door.Channel == Channel.WebForm);
            if (web.Door is not null && random.Next(100) < 70)
            {
                return web;
            }
        }
        var total = doors.Sum(d => d.Weight);
        var r = random.Next(total);
        foreach (var d in doors)
        {
            r -= d.Weight;
            if (r < 0)
            {
                return d;
            }
        }
        return doors[^1];
    }

    /// <summary>One kind of demand the demo can say: its type, how often, the templates, what people wanted and what happened.</summary>
    internal sealed record TypeSpec(string Name, FailureKind? Kind, int Weight, string Description, string Wanted, string[] Templates, TransactionOutcome[] Outcomes, string[] ReferredTo, bool WebOnly = false);

    private static readonly TransactionOutcome[] Advice = [TransactionOutcome.AdviceOnly, TransactionOutcome.AdviceOnly, TransactionOutcome.ResolvedThere];
    private static readonly TransactionOutcome[] Chase = [TransactionOutcome.AdviceOnly, TransactionOutcome.AdviceOnly, TransactionOutcome.ReferredOn, TransactionOutcome.ResolvedThere];
    private static readonly TransactionOutcome[] Assess = [TransactionOutcome.Booked, TransactionOutcome.Booked, TransactionOutcome.ReferredOn, TransactionOutcome.ScreenedOut];
    private static readonly TransactionOutcome[] Refer = [TransactionOutcome.ReferredOn, TransactionOutcome.ReferredOn, TransactionOutcome.AdviceOnly, TransactionOutcome.ScreenedOut];
    private static readonly TransactionOutcome[] Fix = [TransactionOutcome.ResolvedThere, TransactionOutcome.ResolvedThere, TransactionOutcome.Booked];

    private static readonly string[] DutyTeam = ["Adult social care duty team"];
    private static readonly string[] Ot = ["Occupational therapy"];
    private static readonly string[] Providers = ["Home care provider (Northfield Care Ltd)", "Adult social care long-term team"];

    /// <summary>The adult social care contact team's demand: value demand and the failure demand the system makes.</summary>
    internal static readonly TypeSpec[] AdultSocialCare =
    [
        // ---- failure demand
        new("Chasing an assessment", FailureKind.ProgressChasing, 120, "People ringing to ask where an assessment has got to", "To know when someone will come",
            ["I'm ringing about {his} assessment. We were told someone would be in touch and it's been {weeks}.",
             "Has anyone been given {his} case yet? It's been {weeks} and we've heard nothing.",
             "I'm just chasing up the assessment for {who}, nobody's rung back.",
             "Can you tell me where we are with the assessment? I rang {times} already.",
             "We're still waiting for somebody to come out and see {who}. {He}'s getting worse while we wait."],
            Chase, DutyTeam),
        new("Equipment promised but not arrived", FailureKind.ProgressChasing, 70, "Equipment ordered but not delivered", "The equipment that was promised",
            ["The {thing} was supposed to come {when} and it still hasn't arrived.",
             "We were promised a {thing} for {who} {weeks} ago, where is it?",
             "Nobody turned up with the {thing}. {He} can't manage without it.",
             "I've been in all day waiting for the {thing} delivery. Again."],
            Chase, ["Community equipment store"]),
        new("Call back that never came", FailureKind.ProgressChasing, 75, "Asked for a call back; none came", "A call back from the person dealing with it",
            ["I left a message {times} asking for someone to ring me and nobody has.",
             "I was told I'd get a call back within 48 hours. That was {weeks} ago.",
             "The social worker said she'd ring Tuesday. It's Thursday. Nothing.",
             "Is anybody actually going to ring me back or do I just keep ringing?"],
            Chase, DutyTeam),
        new("Carers late or did not come", FailureKind.NotDoneRight, 85, "Home care visits missed, late or rushed", "Carers who come when they should",
            ["The carers didn't turn up {when} and {who} was left without {his} tablets.",
             "They're meant to come at 8 and they came at half eleven. {He} was sat in the dark waiting.",
             "Different carer every day, none of them know what {he} needs. {He} doesn't open the door to strangers.",
             "They were in and out in ten minutes. {He} hadn't even had {his} breakfast.",
             "Nobody came to put {who} to bed last night. {He} slept in the chair."],
            [TransactionOutcome.ReferredOn, TransactionOutcome.ReferredOn, TransactionOutcome.ResolvedThere], Providers),
        new("Fallen again, nothing changed", FailureKind.RePresenting, 70, "Coming back after another fall, same problem as before", "Something that stops the falls",
            ["{Who} has fallen again {when}. That's the third time. I rang last month about this.",
             "It's me again about {who}. {He}'s had another fall.",
             "Another fall, another ambulance. I told you this would happen.",
             "{He} fell on the stairs again. We asked about a rail in the summer."],
            Assess, Ot),
        new("Don't understand the financial assessment letter", FailureKind.NotUnderstoodRework, 55, "Letters and forms about paying for care nobody can follow", "To understand what they have to pay",
            ["I've had this letter about paying for care and I don't understand a word of it.",
             "What does this form mean by 'disregards'? I've filled it in twice now.",
             "The letter says {he} owes £{money} but doesn't say what for.",
             "Why does it say {who} has savings? {He} hasn't got a penny."],
            Advice, ["Financial assessment team"]),
        new("Asked for the same information again", FailureKind.NotUnderstoodRework, 55, "Forms sent back, the story told again", "Not to have to tell it all again",
            ["Why do I have to tell you everything again? I told the hospital all this.",
             "You've sent the form back saying something's missing but I filled every box.",
             "This is the fourth person I've explained this to.",
             "I sent the bank statements {when}, now you want them again?"],
            Chase, DutyTeam),
        new("Sent home from hospital with nothing in place", FailureKind.NotDoneRight, 40, "Discharged without the support that was arranged", "Support at home after hospital",
            ["They sent {who} home from hospital {when} and there's nothing in place. No carers, nothing.",
             "The hospital said you'd sorted carers. Nobody's been.",
             "{He} came home with a frame that doesn't fit through the kitchen door."],
            [TransactionOutcome.Booked, TransactionOutcome.ReferredOn], ["Discharge team", "Reablement"]),
        new("Passed back and forth between services", FailureKind.RePresenting, 45, "Told to ring someone else, who sent them back", "Someone who will actually help",
            ["The GP told me to ring you, and you told me to ring the GP. Who do I actually speak to?",
             "Housing said this is social care. You say it's housing. {He} just needs help.",
             "I've been passed round four different numbers this morning."],
            Refer, ["GP surgery", "Housing options", "Community nursing"]),
        new("Care bill wrong", FailureKind.NotDoneRight, 30, "Charges that are wrong", "A bill that is right",
            ["The bill for {his} care is wrong, it's charging for weeks {he} was in hospital.",
             "We've been charged for visits that never happened.",
             "{He}'s paying twice, once by direct debit and once on the invoice."],
            [TransactionOutcome.ReferredOn, TransactionOutcome.ResolvedThere], ["Financial assessment team"]),
        new("Told something different last time", FailureKind.NotDoneRight, 25, "Given wrong or conflicting information before", "A straight answer",
            ["I was told by your colleague that {who} would qualify, now someone else says no.",
             "Last week I was told to wait for a letter. Now you're saying I should have applied online?"],
            Advice, DutyTeam),
        new("Carer's assessment not followed up", FailureKind.ProgressChasing, 20, "Carers waiting for the carer's assessment they asked for", "Recognition and a break",
            ["I asked for a carer's assessment for myself in {month}. Nothing.",
             "Someone said I'd get a carer's assessment. I'm still waiting and I'm on my knees."],
            Chase, ["Carers' support service"]),
        new("Complaint about how they were spoken to", FailureKind.NotDoneRight, 10, "Unhappy with how they were treated", "To be treated with respect",
            ["The man I spoke to last week was really rude to me.",
             "I was made to feel like I was making a fuss about nothing."],
            [TransactionOutcome.ReferredOn], ["Complaints team"]),
        new("Website or phone menu wrong", FailureKind.Other, 6, "Website information wrong or phone options lead nowhere", "The right number first time",
            ["Your website says you're open till six but nobody answers after four.",
             "I pressed option 3 like the website said and ended up in council tax."],
            Advice, DutyTeam),

        // ---- value demand
        new("Can't manage washing and bathing", null, 70, "Getting washed, bathed and dressed safely", "To get washed safely",
            ["{Who} can't get in the bath any more, {he}'s frightened of slipping.",
             "Can someone help me with getting washed? I can't lift my arm since the stroke.",
             "{He}'s not had a proper wash in weeks, {he} can't manage the shower.",
             "My wife does everything for me but she can't get me in and out of the bath now."],
            Assess, Ot),
        new("Struggling after a fall", null, 55, "A first fall and not coping", "To feel safe at home again",
            ["{Who} had a fall {when} and {he}'s not coping on {his} own.",
             "I fell in the garden {when} and I've been shaky ever since.",
             "{He} was on the floor for hours before the neighbour found {him}."],
            Assess, Ot),
        new("Small equipment: rails, seats, perching stools", null, 50, "Small aids that make daily life possible", "A rail or seat",
            ["Can I get a rail put by the front step?",
             "Could we have a raised toilet seat for {who}?",
             "Is there anything to help {him} get out of the chair? {He} gets stuck.",
             "Somebody said you do perching stools for the kitchen?"],
            Fix, Ot),
        new("Worried about someone on their own", null, 45, "A neighbour or relative worried about someone alone", "Someone to check they are all right",
            ["I'm worried about my neighbour, I've not seen her for days and she's not answering.",
             "I live in Birmingham and {who} is on {his} own in Northfield. I'm so worried about {him}.",
             "{He} keeps ringing me in the night, confused. I'm two hours away."],
            [TransactionOutcome.Booked, TransactionOutcome.ReferredOn, TransactionOutcome.AdviceOnly], ["Age Concern befriending", "Neighbourhood policing team"]),
        new("Carer needs a break", null, 40, "Family carers at breaking point", "A break from caring",
            ["I look after {who} full time and I'm exhausted. I just need a break.",
             "I haven't had a night's sleep in months. Is there anything at all?",
             "I'm {his} only carer and I've got to go into hospital myself next week. What happens to {him}?"],
            Assess, ["Carers' support service"]),
        new("Memory getting worse", null, 40, "Memory loss and confusion", "To keep them safe and at home",
            ["{Who}'s memory is getting really bad, {he} left the gas on {when}.",
             "{He} went out in {his} slippers and the police brought {him} back.",
             "{He} doesn't know what day it is any more and {he}'s not eating."],
            Assess, ["Memory service (GP referral)", "Community mental health team"]),
        new("Help with money and benefits", null, 35, "Money worries and what they can claim", "To know what help there is with money",
            ["Is there any help with money for carers?",
             "Can {who} get attendance allowance? Nobody's ever said.",
             "I can't afford the heating and the carers. Which one am I supposed to pick?"],
            [TransactionOutcome.AdviceOnly, TransactionOutcome.ReferredOn], ["Citizens Advice", "Welfare benefits team"]),
        new("Thinking about a care home", null, 25, "Families asking how to move someone into care", "To know what the options are",
            ["We think it's time {who} went into a home. How do we go about it?",
             "{He} says {he} wants to go into a home. I'm not sure {he} means it."],
            [TransactionOutcome.AdviceOnly, TransactionOutcome.Booked], DutyTeam),
        new("Stairs, stairlifts and ramps", null, 35, "Bigger adaptations to the home", "To stay in their own home",
            ["Can {who} have a stairlift? {He} can't manage the stairs.",
             "{He}'s sleeping downstairs on the settee because {he} can't get up to bed.",
             "We need a ramp for the wheelchair, the step is too high."],
            Assess, Ot),
        new("Personal alarm", null, 30, "A pendant alarm or telecare", "Help to come if they fall",
            ["Could {who} have one of those pendant alarms?",
             "How much is the alarm thing you wear round your neck?"],
            [TransactionOutcome.Booked, TransactionOutcome.ReferredOn, TransactionOutcome.ResolvedThere], ["Telecare (alarm monitoring centre)"]),
        new("Leaving hospital, will need help", null, 30, "Planning support before someone comes home", "Help in place for coming home",
            ["{Who} is coming out of hospital on Friday and will need help at home.",
             "The ward says {he}'s medically fit but {he} can't walk yet. What happens now?"],
            [TransactionOutcome.Booked, TransactionOutcome.ReferredOn], ["Reablement", "Discharge team"]),
        new("Professional asking for an assessment", null, 35, "GPs, nurses and others writing in", "Someone to see their patient",
            ["District nurse here: patient at home struggling with personal care, please assess.",
             "GP referral: lives alone, recent weight loss, family concerned. Please contact daughter.",
             "Housing officer: tenant not coping, flat in poor state, please advise.",
             "Paramedic crew: called out to a fall, no injury, lives alone, struggling."],
            Assess, DutyTeam, WebOnly: true),
        new("Lonely, nobody to talk to", null, 25, "Isolation and loneliness", "Company and a reason to get out",
            ["I don't see anyone from one week to the next.",
             "Since my husband died I don't go out. I just wondered if there was a club or something.",
             "Is there anyone who could just pop in for a cup of tea with {him}?"],
            [TransactionOutcome.ReferredOn, TransactionOutcome.AdviceOnly], ["Age Concern befriending", "Community connector"]),
        new("Someone taking advantage", null, 18, "Safeguarding: money, neglect or abuse", "For them to be safe",
            ["I think someone's taking money off {who}.",
             "There's a man who keeps coming round and {he} gives him money every time.",
             "{He}'s frightened of {his} grandson. I don't know what to do."],
            [TransactionOutcome.ReferredOn], ["Adult safeguarding (duty team)"]),
        new("Shopping, meals and getting out", null, 20, "Food, shopping and getting about", "Food in the house",
            ["I can't get to the shops any more since my hip.",
             "{He}'s living on toast. {He} can't stand long enough to cook."],
            [TransactionOutcome.AdviceOnly, TransactionOutcome.ReferredOn, TransactionOutcome.ResolvedThere], ["Age Concern befriending", "Northfield Food Bank"]),
        new("Mixing up tablets", null, 15, "Managing medicines", "To take the right tablets",
            ["{Who} keeps getting {his} tablets mixed up.",
             "I found a week of tablets in {his} handbag, {he}'s not been taking them."],
            [TransactionOutcome.ReferredOn, TransactionOutcome.AdviceOnly], ["Community pharmacy", "GP surgery"]),
        new("Low mood, not coping", null, 15, "Mental health and low mood", "Someone to talk to",
            ["{Who} is very low, {he} says {he} doesn't see the point any more.",
             "I'm not coping. I don't really know why I'm ringing you."],
            [TransactionOutcome.ReferredOn], ["Mental health crisis team", "Community mental health team"]),
        new("Home too hard to manage", null, 12, "The house no longer works for them", "A home they can manage",
            ["The flat's on the third floor and the lift's always broken. {He} can't get out.",
             "{He} can't keep the house warm and the garden's got away from {him}."],
            Refer, ["Housing options", "Northfield Homes tenancy services"]),
        new("Information about services", null, 20, "What is on offer and where", "Information",
            ["What day centres are there near Northfield?",
             "Do you have a list of care agencies?",
             "What's a direct payment? Someone mentioned it."],
            [TransactionOutcome.AdviceOnly, TransactionOutcome.ResolvedThere], DutyTeam),

        // ---- rarely heard: the long tail the predictability figure is about
        new("Who will look after the dog", null, 2, "Pets when someone goes into hospital", "The dog looked after",
            ["{He}'s refusing to go into hospital because there's nobody to have the dog."], Refer, ["Cinnamon Trust (volunteers)"]),
        new("Help to use video calls", null, 1, "Keeping in touch with family online", "To see the grandchildren",
            ["My granddaughter's in Australia, can anyone show me how to do the video calling?"], [TransactionOutcome.ReferredOn], ["Northfield library digital help"]),
        new("Hoarding", null, 2, "A home so full it is unsafe", "To be safe at home",
            ["You can't get in the front door for newspapers. {He} won't let anyone throw anything away."], Assess, DutyTeam),
        new("Wants to volunteer", null, 1, "Offering help, not asking for it", "To help others",
            ["I'm retired and I've got time on my hands. Do you need volunteers?"], [TransactionOutcome.ReferredOn], ["Northfield volunteer centre"]),
        new("Lost hearing aid", null, 1, "Hearing aid lost or broken", "To hear again",
            ["{He} lost {his} hearing aid in hospital and now {he} can't hear the carers."], [TransactionOutcome.AdviceOnly], DutyTeam),
    ];

    /// <summary>The council contact centre's demand (a transactional service), for the study still running.</summary>
    internal static readonly TypeSpec[] ContactCentre =
    [
        new("Missed bin collection", FailureKind.NotDoneRight, 60, "Bins not emptied on the day", "The bin emptied",
            ["My bin wasn't emptied again {when}.", "They missed the whole street. Again.", "The recycling was left, the lorry just drove past."], Fix, ["Waste services"]),
        new("Chasing a benefit claim", FailureKind.ProgressChasing, 55, "Housing benefit or council tax support claims not decided", "A decision on the claim",
            ["I put my claim in {weeks} ago and I've heard nothing.", "Have you got my payslips? I sent them {when}.", "Is anyone looking at my housing benefit?"], Chase, ["Revenues and benefits"]),
        new("Council tax bill not understood", FailureKind.NotUnderstoodRework, 45, "Bills that don't make sense", "To understand the bill",
            ["Why has my council tax gone up when I live on my own?", "I've had two bills with different amounts.", "What's this reminder? I pay by direct debit."], Advice, ["Revenues and benefits"]),
        new("Pay council tax", null, 35, "Paying or setting up a payment", "To pay",
            ["I want to pay my council tax.", "Can I set up a direct debit?", "Can I pay the rest in instalments?"], [TransactionOutcome.ResolvedThere], []),
        new("Moving home", null, 30, "Telling the council about a move", "To change their address",
            ["I'm moving out on the 30th, who do I tell?", "We've just moved into Elm Road."], [TransactionOutcome.ResolvedThere], []),
        new("New or replacement bin", null, 25, "Bins broken, stolen or needed", "A bin",
            ["My bin's been stolen.", "The lid's come off the green bin.", "We've moved in and there's no bins."], [TransactionOutcome.Booked, TransactionOutcome.ResolvedThere], []),
        new("Bulky waste collection", null, 15, "Collecting a sofa, a fridge", "The old furniture taken away",
            ["How much to take an old sofa?", "Can you collect a fridge freezer?"], [TransactionOutcome.Booked], []),
        new("Help with council tax", null, 20, "Can't afford to pay", "Help to pay",
            ["I can't afford it this month, I've lost my job.", "Is there a discount for carers?"], [TransactionOutcome.AdviceOnly, TransactionOutcome.ReferredOn], ["Citizens Advice", "Revenues and benefits"]),
        new("Fly-tipping", null, 10, "Rubbish dumped in the street", "The rubbish cleared",
            ["Someone's dumped a mattress in the alley behind us."], [TransactionOutcome.Booked], []),
        new("Chasing a bin that was promised", FailureKind.ProgressChasing, 20, "New bin promised but not delivered", "The bin",
            ["I ordered a new bin {weeks} ago.", "Still no recycling box, this is the third time I've rung."], Chase, ["Waste services"]),
        new("Parking permit", null, 8, "Residents' parking", "A permit",
            ["How do I get a parking permit for my street?"], [TransactionOutcome.ResolvedThere], []),
        new("Noise from neighbours", null, 4, "Noise nuisance", "Peace and quiet",
            ["The people next door have music on until 3 every night."], Refer, ["Environmental health"]),
    ];
}

/// <summary>Turns a type's templates into speech: who is calling, about whom, with the openings and endings people use.</summary>
internal static class Speech
{
    private static readonly (string Who, string He, string His, string Him)[] People =
    [
        ("my mum", "she", "her", "her"), ("my dad", "he", "his", "him"), ("my husband", "he", "his", "him"), ("my wife", "she", "her", "her"),
        ("my nan", "she", "her", "her"), ("my grandad", "he", "his", "him"), ("my brother", "he", "his", "him"), ("my auntie", "she", "her", "her"),
        ("my neighbour", "she", "her", "her"), ("my neighbour", "he", "his", "him"), ("my father-in-law", "he", "his", "him"), ("my mother", "she", "her", "her"),
        ("Mrs Begum", "she", "her", "her"), ("Mr Kowalski", "he", "his", "him"), ("my partner", "she", "her", "her"),
    ];

    private static readonly string[] When = ["last night", "on Sunday", "this morning", "yesterday", "at the weekend", "on Tuesday", "first thing today", "over the weekend"];
    private static readonly string[] Weeks = ["two weeks", "three weeks", "a month", "six weeks", "nearly two months", "ten days", "since the summer"];
    private static readonly string[] Times = ["three times", "four times", "twice", "every day this week", "five or six times"];
    private static readonly string[] Months = ["August", "September", "the summer", "July", "the spring"];
    private static readonly string[] Things = ["commode", "frame", "shower chair", "hospital bed", "bath board", "wheelchair", "raised toilet seat", "key safe"];
    private static readonly string[] Money = ["1,240", "380.50", "2,016", "96", "612"];

    private static readonly string[] SpokenOpenings = ["", "", "", "Hiya, ", "Hello, ", "Sorry to bother you, ", "Morning. ", "Hi love, ", "Um, hello. ", "Yeah hi, ", "Right, ", "I don't know if I've got the right number but "];
    private static readonly string[] SpokenEndings = ["", "", "", " Thanks.", " Can someone ring me back please?", " Cheers.", " I don't know who else to ask.", " Sorry, I'm upset."];
    private static readonly string[] CrossEndings = ["", "", " I'm at my wits' end.", " I'm not being funny but it's not good enough.", " This is ridiculous.", " Sorry, I know it's not your fault."];
    private static readonly string[] WrittenOpenings = ["", "", "Hello, ", "To whom it may concern, ", "Hi, ", "Dear Sir/Madam, "];
    private static readonly string[] WrittenEndings = ["", "", " Thank you.", " Kind regards.", " 🙏", " Please can someone get back to me.", " Thanks 😊", " I work shifts so email is best."];

    // Now and then someone writes in their own language (kept exactly as written, and the language recorded).
    private static readonly (string Words, string Language)[] OtherLanguages =
    [
        ("Dzień dobry, moja mama potrzebuje pomocy w domu, nie daje sobie rady sama.", "pl"),
        ("السلام عليكم، والدي كبير في السن ويحتاج إلى مساعدة في البيت. من فضلكم اتصلوا بي.", "ar"),
        ("میری امی کو گھر میں مدد چاہیے، وہ اکیلی نہیں رہ سکتیں۔", "ur"),
        ("Bore da, mae fy nhad angen help gyda'r grisiau.", "cy"),
    ];

    /// <summary>The language of words <see cref="Say"/> gave: a tag for those written in another language, null for English.</summary>
    public static string? LanguageOf(string words) => OtherLanguages.FirstOrDefault(o => o.Words == words).Language;

    public static string Say(NorthfieldDemandStudies.TypeSpec spec, Channel channel, Random random)
    {
        var written = channel is Channel.WebForm or Channel.Email or Channel.Letter;
        if (written && random.Next(200) == 0)
        {
            return OtherLanguages[random.Next(OtherLanguages.Length)].Words;
        }
        var template = spec.Templates[random.Next(spec.Templates.Length)];
        var (who, he, his, him) = People[random.Next(People.Length)];
        var text = template
            .Replace("{Who}", Cap(who), StringComparison.Ordinal)
            .Replace("{who}", who, StringComparison.Ordinal)
            .Replace("{He}", Cap(he), StringComparison.Ordinal)
            .Replace("{he}", he, StringComparison.Ordinal)
            .Replace("{his}", his, StringComparison.Ordinal)
            .Replace("{him}", him, StringComparison.Ordinal)
            .Replace("{when}", When[random.Next(When.Length)], StringComparison.Ordinal)
            .Replace("{weeks}", Weeks[random.Next(Weeks.Length)], StringComparison.Ordinal)
            .Replace("{times}", Times[random.Next(Times.Length)], StringComparison.Ordinal)
            .Replace("{month}", Months[random.Next(Months.Length)], StringComparison.Ordinal)
            .Replace("{thing}", Things[random.Next(Things.Length)], StringComparison.Ordinal)
            .Replace("{money}", Money[random.Next(Money.Length)], StringComparison.Ordinal);
        var openings = written ? WrittenOpenings : SpokenOpenings;
        var endings = written ? WrittenEndings : spec.Kind is null ? SpokenEndings : CrossEndings;
        var opening = openings[random.Next(openings.Length)];
        // After "Hiya, " or "... but " the sentence runs on: lower-case its first letter (not "I", names or "GP").
        if (opening.Length > 0 && !opening.EndsWith(". ", StringComparison.Ordinal) && text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1])
            && !text.StartsWith("I ", StringComparison.Ordinal) && !text.StartsWith("I'", StringComparison.Ordinal) && !text.StartsWith("Mr", StringComparison.Ordinal))
        {
            text = char.ToLowerInvariant(text[0]) + text[1..];
        }
        return opening + text + endings[random.Next(endings.Length)];
    }

    private static readonly string[] Contexts =
    [
        "Lives alone since being widowed two years ago; son visits at weekends.",
        "Cares for her husband, who has Parkinson's; her own health is poor and she had a knee replaced in the spring.",
        "Moved to Northfield last year to be near her daughter; doesn't know anyone yet.",
        "Used to love the garden; hasn't been outside since the fall.",
        "Works full time and looks after mum in the evenings; feels guilty all the time.",
        "In and out of hospital since the summer; says every time they ask the same questions.",
        "Proud, doesn't like asking for help; it was the neighbour who rang.",
        "Speaks Punjabi at home; grandson interprets on the phone.",
        "The dog is the most important thing in his life; won't go anywhere without it.",
        "Wants to stay in her own home \"until they carry me out\".",
        "Was a nurse for 40 years; finds it hard to be the one needing help.",
        "Goes to church on Sundays and misses it since she can't manage the bus.",
        "Daughter lives in Leeds and rings every night; worried sick.",
        "Recently diagnosed with dementia; wife is his only carer and is 84.",
        "Lost his job when his health went; money very tight, heating off most days.",
        "Grandchildren visit on Fridays and that is what keeps her going.",
        "Has a learning disability; mum, who did everything for him, died in March.",
    ];

    public static string Context(Random random) => Contexts[random.Next(Contexts.Length)];

    private static string Cap(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
