using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>"My plan": the person's own plan, in plain words (citizen-facing). In PlanText.resx (English) and PlanText.cy.resx (Welsh).</summary>
public static class PlanText
{
    private static readonly ResourceManager Resources = new(typeof(PlanText));

    public static string Title => Get();

    public static string BackTo => Get();

    public static string StandardPrint => Get();

    public static string LargePrint => Get();

    public static string PrintA4 => Get();

    public static string Intro => Get();

    public static string WhatMatters => Get();

    public static string NothingMatters => Get();

    public static string SaidBy => Get();

    public static string HowLifeIsGoing => Get();

    public static string NoStatements => Get();

    public static string ScoreHow => Get();

    public static string OurHouseholds => Get();

    public static string Score => Get();

    public static string ScoreBefore => Get();

    public static string NotScored => Get();

    public static string WhoIsHelping => Get();

    public static string NoKeyWorker => Get();

    public static string KeyWorkerIs => Get();

    public static string AlsoHelping => Get();

    public static string SomeoneFromDirectory => Get();

    public static string NotDecided => Get();

    public static string WhatNext => Get();

    public static string NothingPlanned => Get();

    public static string StepFrom => Get();

    public static string DoneSoFar => Get();

    public static string StepDone => Get();

    public static string SteppedBack => Get();

    public static string OwnVoice => Get();

    public static string OwnVoiceLabel => Get();

    public static string RecordingMade => Get();

    public static string Download => Get();

    public static string NoRecording => Get();

    public static string AddRecording => Get();

    public static string UploadLabel => Get();

    public static string UploadHint => Get();

    public static string Upload => Get();

    public static string Remove => Get();

    public static string ScoreOrChange => Get();

    public static string ChooseRecording => Get();

    public static string Added => Get();

    public static string Removed => Get();

    public static string AlreadyRemoved => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
