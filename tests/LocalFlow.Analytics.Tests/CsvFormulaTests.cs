using System.Text;
using LocalFlow.Analytics.Flow.Formats;
using LocalFlow.Analytics.Linking;

namespace LocalFlow.Analytics.Tests;

public class CsvFormulaTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+44 7700 900123", "'+44 7700 900123")]
    [InlineData("-fell again", "'-fell again")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("\rcmd", "'\rcmd")]
    [InlineData("-12.5", "-12.5")]
    [InlineData("+3", "+3")]
    [InlineData("Fell again", "Fell again")]
    [InlineData("", "")]
    public void Neutralise_PrefixesAnApostropheOnlyWhereACellCouldRunAsAFormula(string value, string written)
    {
        CsvFormula.Neutralise(value).ShouldBe(written);
        CsvFormula.Restore(written).ShouldBe(value);
    }

    [Fact]
    public void TheLinkingAndEventLogWriters_Neutralise_AndTheirReadersRestore()
    {
        var sw = new StringWriter();
        LinkCsv.WriteRow(sw, "=1+1", "+base64/filter==", "ok");
        sw.ToString().ShouldStartWith("'=1+1,'+base64/filter==,ok");
        LinkCsv.ReadRows(new StringReader(sw.ToString())).Single().ShouldBe(["=1+1", "+base64/filter==", "ok"]);

        CsvActivityWriter.Quote("=cmd|' /C calc'!A0").ShouldBe("'=cmd|' /C calc'!A0");
        using var tokenizer = new CsvTokenizer(new MemoryStream(Encoding.UTF8.GetBytes("'=cmd,'-x,-2\n")), (byte)',');
        tokenizer.ReadRecord().ShouldBeTrue();
        tokenizer.FieldString(0).ShouldBe("=cmd");
        tokenizer.FieldString(1).ShouldBe("-x");
        tokenizer.FieldString(2).ShouldBe("-2");
    }
}
