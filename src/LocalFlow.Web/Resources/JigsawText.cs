using System.Resources;
using System.Runtime.CompilerServices;

namespace LocalFlow.Web.Resources;

/// <summary>The change jigsaw and the change curve in JigsawText.resx (English) and JigsawText.cy.resx (Welsh): the pieces, their questions and symptoms, answers, verdicts and the curve's stages.</summary>
public static class JigsawText
{
    internal static readonly ResourceManager Resources = new(typeof(JigsawText));

    public static string Title => Get();
    public static string Lead => Get();
    public static string MissingHeading => Get();
    public static string NoneMissing => Get();
    public static string Warning => Get();
    public static string PieceMissing => Get();
    public static string PiecesMissing => Get();
    public static string ColPiece => Get();
    public static string ColVerdict => Get();
    public static string ColAnswers => Get();
    public static string ColSymptom => Get();
    public static string YourAnswers => Get();
    public static string PieceAndQuestion => Get();
    public static string SaveAnswers => Get();
    public static string AnswerOne => Get();
    public static string AnswersSaved => Get();
    public static string CurveHeading => Get();
    public static string CurveLead => Get();
    public static string ColStage => Get();
    public static string ColHelps => Get();
    public static string CurveDescription => Get();
    public static string CurveTime => Get();

    /// <summary>A name the app defines, kept under "Kind_Value" ("Piece_Vision", "Curve_Shock").</summary>
    public static string Name(string kind, object value) => Text.Of(Resources, kind + "_" + value);

    private static string Get([CallerMemberName] string key = "") => Text.Of(Resources, key);
}
