namespace LocalFlow.Data.Demo;

internal static partial class FlowStories
{
    /// <summary>
    /// Jake, 2008–2010: a grandmother asking for advice again and again, anonymous calls from the family,
    /// letters, checks with the school, cases opened and closed, then a breakdown, a strategy meeting that
    /// needed another meeting, Section 47 enquiries, a specialist unit, and supported accommodation.
    /// (The report dates the first contact "January 1998" but the story runs into 4 June 2009 within months:
    /// the demo starts it in October 2008.)
    /// </summary>
    public static readonly string[] Jake =
    [
        "2008-10-06; Council/Children's front door (MASH); Contact; -; Grandmother asks for advice about Jake's difficult behaviour",
        "2008-10-08; Council/Children's front door (MASH); Assessment:Initial assessment; sw1; Initial assessment: advice and guidance given",
        "2008-10-13; Council/Children's front door (MASH); Closure; sw1; Case closed after seven days",
        "2008-10-23; Council/Children's front door (MASH); Contact; -; Anonymous family member: Jake is staying with his uncle; worries about his social skills and school attendance",
        "2008-10-24; Council/Children's front door (MASH); Document; -; Letter to the grandmother: would she like an appointment with the duty social worker?",
        "2008-10-27; Council/Children's front door (MASH); Closure; -; Case closed after three days",
        "2008-11-06; Council/Children's front door (MASH); Contact; sw2; Grandmother asks to see the social worker (in reply to the letter): advice given",
        "2008-11-06; Council/Children's front door (MASH); Closure; sw2; Case closed",
        "2008-11-10; Council/Children's front door (MASH); Contact; sw2; Checks with the school: no concerns",
        "2009-01-12; Council/Children's front door (MASH); Contact; -; Anonymous family member: Jake violent towards his grandmother",
        "2009-01-13; Council/Children's front door (MASH); Contact; sw3; Checks with the school: no concerns",
        "2009-01-14; Council/Children's front door (MASH); Document; -; Another letter to the grandmother offering an appointment",
        "2009-01-28; Council/Early help; Meeting:Family and school meeting; su1; Family and school meet: the school will monitor; Jake to attend a specialist centre",
        "2009-01-28; Council/Early help; Referral; su1; Referral to a specialist support centre; to=Council/Early help",
        "2009-02-23; Council/Children's front door (MASH); Contact; sw3; Grandmother: Jake is not looked after properly at his uncle's; advised it is her decision; NFA",
        "2009-02-23; Council/Children's front door (MASH); Closure; sw3; No further action",
        "2009-02-26; Council/Children's front door (MASH); Contact; sw4; Aunt worried about Jake living with his grandmother; advised he is 15 and can choose",
        "2009-03-02; Council/Children's front door (MASH); Contact; sw2; Grandmother: Jake is unhappy at his aunt's; advised she has parental responsibility",
        "2009-04-06; Council/Contact centre; Contact; -; Grandmother worried about self-harm; she cannot cope much longer",
        "2009-04-06; Council/Contact centre; Referral; -; Advised to see her GP urgently and ask the school for a MAST meeting; to=GP/GPs",
        "2009-04-07; GP/GPs; Contact; gp1; Emergency appointment",
        "2009-05-11; Council/Children's front door (MASH); Contact; -; Jake is staying with a family friend: his grandmother has had a breakdown",
        "2009-05-12; Council/Children's front door (MASH); Referral; sw4; Referral prepared: initial assessment; to=Council/Children's social work",
        "2009-05-14; Council/Children's social work; Assessment:Initial assessment; sw5; Initial assessment and a child's plan",
        "2009-05-15; Council/Children's social work; Referral; sw5; Case transferred to the local support team for a core assessment; to=Council/Early help",
        "2009-05-20; Council/Early help; Meeting:Strategy meeting; su2; Strategy meeting on the grandmother's mental health: another meeting needed",
        "2009-05-23 21:00; Council/Contact centre; Contact; -; Out of hours: grandmother cannot cope and cannot wait for the bank holiday",
        "2009-05-23 21:10; Council/Contact centre; Referral; -; Passed to the duty social worker for after the bank holiday; to=Council/Children's social work",
        "2009-05-26; Council/Children's social work; Assessment:Section 47 enquiry; sw6; Section 47 enquiries begin",
        "2009-05-26; Council/Early help; Assessment:Core assessment; su2; Core assessment progressed",
        "2009-05-28; Council/Children's front door (MASH); Contact; -; Contact from the out-of-hours team about the weekend call",
        "2009-05-28; Police/Public protection unit; Contact; pp1; Police: conversation with the uncle; x2",
        "2009-05-28 16:00; Council/Children's social work; Closure:Section 47 outcome; sw6; Section 47 completed: no further action; core assessment continues",
        "2009-06-04; Council/Early help; Meeting:Child plan meeting; su2; Ongoing support arranged through meetings and a child plan; x4; every=7",
        "2009-06-04; NHS Trust/Community mental health team; ServiceProvided:Specialist unit; mh1; Jake in a specialist unit for a mental health assessment until the end of the month; end=2009-06-30",
        "2009-06-05; NHS Trust/Community mental health team; Assessment:Mental health assessment; mh1; Mental health assessment in the unit",
        "2009-07-27; Police/Response; Contact; pc1; Police: Jake's sister was ushered out for teasing him about self-harm",
        "2009-07-28; Council/Children's social work; Contact; sw6; Social worker talks to the family",
        "2009-08-24; Police/Neighbourhood policing team; Contact; pc2; Grandmother brings Jake to the police station: she cannot cope",
        "2009-08-24; Council/Children's social work; ServiceProvided:Advice and support; sw6; Advice and support; the grandmother takes Jake home",
        "2009-09-14; Council/Early help; Meeting:Support meeting; su3; Support meeting; x2; every=14",
        "2010-01-16 22:00; Council/Contact centre; Contact; -; Out-of-hours contact from the family: advice; x2; every=49",
        "2010-01-25; Council/Early help; Meeting:Support meeting; su3; Support meeting; x2; every=42",
        "2010-07-12; Council/Children's social work; Closure; sw6; Case closed: Jake moved into supported accommodation",
    ];
}
