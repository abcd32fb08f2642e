using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The good-life conversation: recording one and changing one. In ConversationText.resx (English) and ConversationText.cy.resx (Welsh).</summary>
public static class ConversationText
{
    private static readonly ResourceManager Resources = new(typeof(ConversationText));

    public static string Title => Get();

    public static string ChangeTitle => Get();

    public static string Ask => Get();

    public static string AlreadyKnown => Get();

    public static string NothingEarlier => Get();

    public static string TheirPage => Get();

    public static string ConversationOn => Get();

    public static string HelpWanted => Get();

    public static string DateOf => Get();

    public static string ExampleHint => Get();

    public static string GoodLife => Get();

    public static string Strengths => Get();

    public static string CanDo => Get();

    public static string WhoIsAround => Get();

    public static string WhoIsAroundHint => Get();

    public static string Help => Get();

    public static string Language => Get();

    public static string LanguageHint => Get();

    public static string WhatMatters => Get();

    public static string OneToABox => Get();

    public static string MattersN => Get();

    public static string WhoSaid => Get();

    public static string Save => Get();

    public static string Recorded => Get();

    public static string HeldBy => Get();

    public static string SavedByOther => Get();

    public static string SaveChanges => Get();

    public static string EnterDate => Get();

    /// <summary>The text under <paramref name="key"/> in the language of the request.</summary>
    public static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
