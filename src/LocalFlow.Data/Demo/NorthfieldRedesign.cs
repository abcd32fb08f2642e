using LocalFlow.Analytics.Redesign;
using LocalFlow.Data.Entities;
using LocalFlow.Data.Redesign;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.Demo;

/// <summary>
/// Northfield's redesign programme: a vision, the seeds' commissioning principles, three commissioning groups of staff
/// and citizens, thirty questions at every stage (some raised from the demo's system conditions, some stopped at a
/// gateway with the reason), cost–benefit cases typed by the groups, and answers to the change jigsaw. Savings shown on
/// the pages are worked from these cases by the engine, never typed in. Everything is added in one save.
/// </summary>
internal sealed class NorthfieldRedesign : IDemoPart
{
    public int Order => 98;
    public string Name => "Redesign programme";

    private sealed record Q(string Title, string Outcome, string Measure, int Group, QuestionStage Stage, QuestionStatus Status, string? Condition = null, string? Need = null);

    private static readonly (string Name, string Remit, (string Name, MemberKind Kind, string Background)[] Members)[] Groups =
    [
        ("Living well at home", "Older people and adults who need some help to live the life they want at home.",
        [
            ("Maureen Ellis", MemberKind.Citizen, "Cares for her husband, who has dementia"), ("Tom Okafor", MemberKind.Citizen, "Lives alone after a stroke"),
            ("Jas Bains", MemberKind.Citizen, "Runs the lunch club at St Mark's"), ("Helen Carter", MemberKind.Staff, "Duty social worker, adult social care"),
            ("Dev Patel", MemberKind.Staff, "Occupational therapist"), ("Sue Marsh", MemberKind.Staff, "District nurse"),
            ("Gary Lowe", MemberKind.Staff, "Neighbourhood police officer"), ("Ann Yates", MemberKind.Staff, "Housing officer"),
        ]),
        ("Families and children", "Families with children, from before birth to adulthood.",
        [
            ("Priya Shah", MemberKind.Citizen, "Parent of two; volunteers at the toddler group"), ("Kelly Dunn", MemberKind.Citizen, "Young parent"),
            ("Rob Adeyemi", MemberKind.Citizen, "Foster carer"), ("Chris Citizen", MemberKind.Citizen, "Member of the residents' association"),
            ("Lou Grant", MemberKind.Staff, "Health visitor"), ("Sam Reid", MemberKind.Staff, "Early help worker"),
            ("Mo Hassan", MemberKind.Staff, "Primary school head"), ("Jo King", MemberKind.Staff, "Children's social worker"),
            ("Pat Byrne", MemberKind.Staff, "School nurse"),
        ]),
        ("Safe and connected neighbourhoods", "Neighbourhoods where people look out for each other, and the services that meet them there.",
        [
            ("Ali Noor", MemberKind.Citizen, "Runs the community centre"), ("Bev Stone", MemberKind.Citizen, "Tenant representative"),
            ("Frank Webb", MemberKind.Citizen, "Retired, volunteers with the food bank"), ("Nadia Rahman", MemberKind.Staff, "Community safety officer"),
            ("Ian Moss", MemberKind.Staff, "Library manager"), ("Kate Price", MemberKind.Staff, "GP practice manager"),
            ("Leon Ford", MemberKind.Staff, "Fire service prevention officer"), ("Wendy Worker", MemberKind.Staff, "Locality worker"),
        ]),
    ];

    private static readonly Q[] Questions =
    [
        new("Could one worker stay with a person from first contact to the end, whatever they need?", "People tell their story once and are known", "Hand-offs per person, as a capability chart", 0, QuestionStage.Approved, QuestionStatus.Open, "Nobody knows the person"),
        new("Could we stop assessing people who are already known to us?", "Help arrives without a new assessment", "Repeated assessments per person a year", 0, QuestionStage.ImplementationPlan, QuestionStatus.Open, "The assessment is the service"),
        new("Could we help people below the threshold before they get worse?", "People get help when they first ask", "People screened out who come back worse", 0, QuestionStage.CostBenefit, QuestionStatus.Open, "Turned away until they are worse"),
        new("Could equipment be fitted on the day it is asked for?", "People are safe at home without waiting", "Days from asking to fitting", 0, QuestionStage.Approved, QuestionStatus.Open, "Waiting is how demand is managed"),
        new("Could we close the queue for carers' assessments by talking to carers instead?", "Carers feel supported and keep caring", "Carers who say they can carry on", 0, QuestionStage.Feasibility, QuestionStatus.Open, "Waiting is how demand is managed"),
        new("Could one front door serve every agency in Northfield?", "People reach the right help with one call", "Contacts passed on to another door", 2, QuestionStage.CostBenefit, QuestionStatus.OnHold, "Passed between specialist services"),
        new("Could the police, council and NHS share one team for people who call all three?", "People in crisis meet one team", "Agencies involved per person", 2, QuestionStage.Feasibility, QuestionStatus.Open, "Passed between specialist services"),
        new("Could we pay providers for the time people need rather than by the task?", "Care fits the person's day", "What matters to people, in their words", 0, QuestionStage.Posed, QuestionStatus.Open),
        new("Could we stop sending letters nobody reads?", "People know what is happening without chasing", "Progress-chasing calls", 0, QuestionStage.Approved, QuestionStatus.Open, "Waiting is how demand is managed"),
        new("Could hospital discharge start on the day a person is admitted?", "People go home as soon as they are well", "Days in hospital after medically fit", 0, QuestionStage.ImplementationPlan, QuestionStatus.Open),
        new("Could we rationalise the buildings of libraries, leisure centres, schools and children's centres?", "Services meet people where they already go", "Visits to shared buildings", 2, QuestionStage.CostBenefit, QuestionStatus.Open),
        new("Could health visitors and early help workers be one team?", "Families get help from people they know", "Workers per family", 1, QuestionStage.Feasibility, QuestionStatus.Open),
        new("Could families choose who their lead worker is?", "Families trust the people helping them", "Families who say they trust their worker", 1, QuestionStage.Posed, QuestionStatus.Open, Need: "Carers want to be asked how they are, and helped before they break"),
        new("Could we spin off the youth service to the community?", "Young people have places to go that they shape", "Young people taking part", 1, QuestionStage.Feasibility, QuestionStatus.Stopped),
        new("Could schools hold a budget for early help?", "Children get help in school before things escalate", "Referrals to children's social care", 1, QuestionStage.CostBenefit, QuestionStatus.Open),
        new("Could we end the entitlement culture in how we offer help?", "People use their own strengths and networks first", "People supported by their community", 2, QuestionStage.Posed, QuestionStatus.Open),
        new("Could every contact ask what matters to the person first?", "Help fits what matters to people", "What-matters statements recorded", 0, QuestionStage.Approved, QuestionStatus.Open, "The assessment is the service"),
        new("Could the fire service's home visits cover falls as well?", "Fewer falls at home", "Falls calls per month", 2, QuestionStage.ImplementationPlan, QuestionStatus.Open, "Turned away until they are worse"),
        new("Could the council's IT follow the work instead of forcing it?", "Workers spend their time with people", "Time on forms per case", 2, QuestionStage.Feasibility, QuestionStatus.Open),
        new("Could we stop commissioning by competitive tender for small providers?", "Local groups keep providing what works", "Local providers taking part", 2, QuestionStage.CostBenefit, QuestionStatus.Stopped),
        new("Could parents run the toddler groups with the centre's support?", "Parents build their own networks", "Groups running each week", 1, QuestionStage.Approved, QuestionStatus.Open),
        new("Could we merge the three duty teams into one?", "People get one answer the first time", "Contacts passed between duty teams", 0, QuestionStage.Feasibility, QuestionStatus.Stopped, "Passed between specialist services"),
        new("Could GPs refer straight to the locality team without a form?", "People get help the week they ask", "Days from asking to help", 2, QuestionStage.Posed, QuestionStatus.Open),
        new("Could risk be held by the worker who knows the person, not a panel?", "Decisions made quickly by those who know the person", "Days waiting for a panel", 0, QuestionStage.CostBenefit, QuestionStatus.Open, "Nobody knows the person"),
        new("Could young carers be known to their school without telling their story again?", "Young carers are supported at school", "Young carers known to their school", 1, QuestionStage.Posed, QuestionStatus.Open),
        new("Could we offer a named contact for every family with a child protection plan?", "Families know who to call", "Families who know their worker's name", 1, QuestionStage.ImplementationPlan, QuestionStatus.Open),
        new("Could we replace the benefits advice line with advice in the community centre?", "People sort out money worries early", "Crisis loans a month", 2, QuestionStage.Feasibility, QuestionStatus.OnHold, Need: "Households in debt reach help only at crisis"),
        new("Could we stop the annual review when nothing has changed?", "Reviews happen when life changes", "Reviews that change nothing", 0, QuestionStage.Feasibility, QuestionStatus.Stopped),
        new("Could school holiday meals be run with the food bank?", "No child goes hungry in the holidays", "Children fed in the holidays", 1, QuestionStage.CostBenefit, QuestionStatus.Open),
        new("Could neighbourhood police and housing share one office?", "Neighbourhood problems are solved together", "Repeat calls about the same address", 2, QuestionStage.Posed, QuestionStatus.Open),
    ];

    /// <summary>The demo's commissioning strategies: title, purpose, owner group (index into <see cref="Groups"/>) and approved questions.</summary>
    private static readonly (string Title, string Purpose, int Group, string[] Questions)[] Strategies =
    [
        ("Known by name: help from people who stay",
         "People in Northfield tell their story once, to someone who stays with them and asks what matters first, instead of being assessed, passed on and written to.",
         0,
         ["Could one worker stay with a person from first contact to the end, whatever they need?", "Could every contact ask what matters to the person first?", "Could we stop sending letters nobody reads?"]),
        ("Families build their own networks",
         "Parents run the groups their children need, with the children's centre behind them, so families find each other before they need a service.",
         1,
         ["Could parents run the toddler groups with the centre's support?"]),
    ];

    public async Task AddAsync(DemoContext context, IProgress<DemoProgress> progress, CancellationToken ct)
    {
        var db = context.Db;
        var localityId = context.Locality.Id;
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        // Everything is dated days before today, so the demo is never ahead of the clock whatever time it is made.
        DateTime Day(int daysAgo, int hour = 10) => context.Today.AddDays(-daysAgo).ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        var programme = Programme.New(localityId);
        programme.Name = "Northfield together";
        programme.Vision = "Everyone in Northfield gets the help that matters to them, from people who know them, the first time they ask.";
        programme.Principles += "\nThink family: see the whole household, not the service's slice of it."
            + "\nDesign from the person's point of view, with the people who use and do the work.";
        programme.UpdatedBy = "commissioner";
        programme.UpdatedUtc = Day(60);
        db.RedesignProgrammes.Add(programme);

        var users = await db.Users.AsNoTracking().Where(u => u.Localities.Any(l => l.LocalityId == localityId)).ToDictionaryAsync(u => u.UserName, u => u.Id, ct);
        var groups = Groups.Select(g => new CommissioningGroup
        {
            LocalityId = localityId,
            Name = g.Name,
            Remit = g.Remit,
            Members = g.Members.Select(m => new GroupMember
            {
                Name = m.Name,
                Kind = m.Kind,
                Background = m.Background,
                UserId = m.Name == "Chris Citizen" && users.TryGetValue("citizen", out var c) ? c
                       : m.Name == "Wendy Worker" && users.TryGetValue("worker", out var w) ? w : null,
            }).ToList(),
        }).ToList();
        db.CommissioningGroups.AddRange(groups);
        await db.SaveChangesAsync(ct);

        var conditions = await db.SystemConditions.AsNoTracking().Where(c => c.LocalityId == localityId).ToDictionaryAsync(c => c.Title, c => c.Id, ct);
        var needs = await db.Needs.AsNoTracking().Where(n => n.LocalityId == localityId).ToDictionaryAsync(n => n.Title, n => n.Id, ct);
        var random = context.RandomFor(Name);
        var number = 0;
        foreach (var spec in Questions)
        {
            number++;
            var raised = Day(120 - number * 2);
            var q = new CommissioningQuestion
            {
                Id = DemoContext.NextId(random),
                LocalityId = localityId,
                Number = number,
                Title = spec.Title,
                Prompt = "What would we stop doing? What would have to be true for this to work in Northfield?",
                Outcome = spec.Outcome,
                Measure = spec.Measure,
                GroupId = groups[spec.Group].Id,
                Stage = spec.Stage,
                Status = spec.Status,
                RaisedBy = spec.Group == 1 ? "citizen" : "commissioner",
                RaisedUtc = raised,
            };
            if (spec.Condition is not null && conditions.TryGetValue(spec.Condition, out var conditionId))
            {
                q.Source = QuestionSource.SystemCondition;
                q.ConditionId = conditionId;
            }
            if (spec.Need is not null && needs.TryGetValue(spec.Need, out var needId))
            {
                q.Source = QuestionSource.Need;
                q.NeedId = needId;
                q.SourceNote = spec.Need;
            }
            if (spec.Stage >= QuestionStage.CostBenefit)
            {
                q.Feasibility = "The group visited the teams involved and listened to people who use them: it could work with the partners' help.";
            }
            if (spec.Stage >= QuestionStage.CostBenefit)
            {
                // A group's own estimate: a set-up cost in year 0, then running costs and larger benefits for four years.
                var setUp = 20_000m + random.Next(0, 16) * 5_000m;
                q.DiscountRate = 0.035m;
                q.Currency = "GBP";
                q.PriceYear = context.Today.Year - 1;
                q.Years.Add(new QuestionYear { LocalityId = localityId, QuestionId = q.Id, Year = 0, Cost = setUp, Benefit = 0 });
                for (var y = 1; y <= 4; y++)
                {
                    q.Years.Add(new QuestionYear { LocalityId = localityId, QuestionId = q.Id, Year = y, Cost = setUp / 10, Benefit = setUp * (0.2m + random.Next(0, 8) * 0.05m) });
                }
            }
            if (spec.Stage >= QuestionStage.Approved)
            {
                q.Plan = "Start with one neighbourhood for three months, learn, then spread street by street. The group and the teams involved lead it.";
            }
            db.CommissioningQuestions.Add(q);

            // The decisions that brought it here, each with its reason, then the one that held or stopped it.
            var decided = 0;
            for (var s = QuestionStage.Posed; s < spec.Stage; s++)
            {
                decided++;
                db.GatewayRecords.Add(Decision(q, GatewayDecision.Go, s, s + 1, QuestionStatus.Open, "The group's work is strong enough to go on.", Day(Math.Max(3, 120 - number * 2 - decided * 3))));
            }
            if (spec.Status != QuestionStatus.Open)
            {
                var reason = spec.Status == QuestionStatus.Stopped
                    ? "Stopped: the partners could not agree how to share the cost, and another question covers most of it."
                    : "Held until the partners' budgets for next year are known.";
                db.GatewayRecords.Add(Decision(q, spec.Status == QuestionStatus.Stopped ? GatewayDecision.Stop : GatewayDecision.Hold, spec.Stage, spec.Stage, spec.Status, reason, Day(2)));
            }
        }

        // Two commissioning strategies bring approved questions together with their plans (their ids from a Random of
        // their own, so the questions' draws above are unchanged). "Equipment on the day" is approved but in no strategy
        // yet, so the overview's savings are the strategies' only.
        var strategyRandom = context.RandomFor(Name + ": strategies");
        var byTitle = db.ChangeTracker.Entries<CommissioningQuestion>().Select(e => e.Entity).ToDictionary(q => q.Title, q => q.Id, StringComparer.Ordinal);
        foreach (var (title, purpose, group, questions) in Strategies)
        {
            var strategy = new CommissioningStrategy
            {
                Id = DemoContext.NextId(strategyRandom),
                LocalityId = localityId,
                Title = title,
                Purpose = purpose,
                OwnerGroupId = groups[group].Id,
                UpdatedBy = "steering",
                UpdatedUtc = Day(1),
                Version = 1,
            };
            strategy.Questions.AddRange(questions.Select(q => new StrategyQuestion { LocalityId = localityId, StrategyId = strategy.Id, QuestionId = byTitle[q] }));
            db.CommissioningStrategies.Add(strategy);
        }

        // The people involved answered the jigsaw: vision and burning platform are there, quick wins and embedding are not.
        var answers = new (string User, JigsawAnswer[] ByPiece)[]
        {
            ("commissioner", [JigsawAnswer.InPlace, JigsawAnswer.InPlace, JigsawAnswer.Partly, JigsawAnswer.Partly, JigsawAnswer.Partly, JigsawAnswer.NotInPlace, JigsawAnswer.NotInPlace, JigsawAnswer.Partly, JigsawAnswer.NotInPlace]),
            ("steering", [JigsawAnswer.InPlace, JigsawAnswer.InPlace, JigsawAnswer.InPlace, JigsawAnswer.NotInPlace, JigsawAnswer.Partly, JigsawAnswer.Partly, JigsawAnswer.NotInPlace, JigsawAnswer.Partly, JigsawAnswer.NotInPlace]),
            ("citizen", [JigsawAnswer.Partly, JigsawAnswer.InPlace, JigsawAnswer.Partly, JigsawAnswer.NotInPlace, JigsawAnswer.NotInPlace, JigsawAnswer.NotInPlace, JigsawAnswer.Partly, JigsawAnswer.NotInPlace, JigsawAnswer.Partly]),
        };
        foreach (var (user, byPiece) in answers)
        {
            if (!users.TryGetValue(user, out var userId))
            {
                continue;
            }
            for (var i = 0; i < byPiece.Length; i++)
            {
                db.JigsawResponses.Add(new JigsawResponse { LocalityId = localityId, UserId = userId, Piece = ChangeJigsaw.Pieces[i], Answer = byPiece[i], AnsweredUtc = Day(7) });
            }
        }
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        progress.Report(new DemoProgress(Name, $"{Questions.Length} commissioning questions in {Groups.Length} groups, {Strategies.Length} strategies", 1));
    }

    private static GatewayRecord Decision(CommissioningQuestion q, GatewayDecision decision, QuestionStage from, QuestionStage to, QuestionStatus status, string reason, DateTime at) => new()
    {
        LocalityId = q.LocalityId,
        QuestionId = q.Id,
        Decision = decision,
        Reason = reason,
        FromStage = from,
        ToStage = to,
        ToStatus = status,
        DecidedBy = "steering",
        DecidedUtc = at,
    };
}
