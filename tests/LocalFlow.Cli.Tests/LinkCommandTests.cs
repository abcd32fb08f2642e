namespace LocalFlow.Cli.Tests;

public class LinkCommandTests
{
    private static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lf-link-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public async Task Generate_ThenLink_WritesPeopleAndReportsAccuracy()
    {
        var dir = TempDir();
        var (code, output) = await CliRunner.RunAsync("link", "generate", "--people", "1500", "--seed", "4", "--out", dir);
        code.ShouldBe(0, output);
        File.Exists(Path.Combine(dir, "truth.csv")).ShouldBeTrue();
        var args = new List<string> { "link" };
        foreach (var agency in new[] { "police", "housing", "health", "social_care", "education" })
        {
            args.AddRange(["--source", $"{agency}={Path.Combine(dir, agency + ".csv")}"]);
        }
        args.AddRange(["--out", Path.Combine(dir, "out", "links.csv"), "--truth-file", Path.Combine(dir, "truth.csv"), "--save-model", Path.Combine(dir, "model.json")]);
        (code, output) = await CliRunner.RunAsync([.. args]);
        code.ShouldBe(0, output);
        output.ShouldContain("pairwise precision");
        var lines = File.ReadAllLines(Path.Combine(dir, "out", "links.csv"));
        lines[0].ShouldBe("source,record_id,person_id,flagged,flag_reason");
        var people = lines.Skip(1).Select(l => l.Split(',')[2]).Distinct().Count();
        people.ShouldBeLessThan(lines.Length - 1);
        File.ReadAllText(Path.Combine(dir, "model.json")).ShouldContain("\"Lambda\"");

        // Run again with the saved model and the first run's ids: every person keeps its id.
        args.AddRange(["--model", Path.Combine(dir, "model.json"), "--previous", Path.Combine(dir, "out", "links.csv")]);
        args[args.IndexOf(Path.Combine(dir, "out", "links.csv"))] = Path.Combine(dir, "out2", "links.csv");
        (code, output) = await CliRunner.RunAsync([.. args]);
        code.ShouldBe(0, output);
        File.ReadAllLines(Path.Combine(dir, "out2", "links.csv")).ShouldBe(lines);
    }

    [Fact]
    public async Task GenerateHard_ThenLink_ReadsEveryAgencysColumns_AndReportsWhatBlockingDid()
    {
        var dir = TempDir();
        var (code, output) = await CliRunner.RunAsync("link", "generate", "--hard", "--people", "1500", "--seed", "4", "--out", dir);
        code.ShouldBe(0, output);
        File.ReadLines(Path.Combine(dir, "police.csv")).First().ShouldStartWith("person_ref,full_name,dob");
        var args = new List<string> { "link" };
        foreach (var agency in new[] { "council", "police", "hospital", "gp", "housing" })
        {
            args.AddRange(["--source", $"{agency}={Path.Combine(dir, agency + ".csv")}"]);
        }
        args.AddRange(["--out", Path.Combine(dir, "out", "links.csv"), "--truth-file", Path.Combine(dir, "truth.csv"), "--pair-budget", "2000"]);
        (code, output) = await CliRunner.RunAsync([.. args]);
        code.ShouldBe(0, output);
        output.ShouldContain("patient_id→RecordId");
        output.ShouldContain("full_name→FullName");
        output.ShouldContain("Title→Title");
        output.ShouldContain("Blocking:");
        output.ShouldContain("Against the truth");
    }

    [Fact]
    public async Task Link_RefusesASourceWithNoRecordIdColumn_NamingTheMapOption()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "gp.csv");
        File.WriteAllText(file, "patient number,surname,dob\n1,Khan,1980-01-01\n");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "gp=" + file, "--out", Path.Combine(dir, "links.csv"));
        code.ShouldBe(2, output);
        output.ShouldContain("no column recognised as its record id");
        output.ShouldContain("gp:COLUMN=record-id");
    }

    [Fact]
    public async Task Link_Febrl_ReportsPrecisionAndRecallFromTheTruthColumn()
    {
        var dir = TempDir();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "febrl", "dataset1.csv");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "febrl=" + file, "--out", Path.Combine(dir, "links.csv"), "--truth-column", "rec_id");
        code.ShouldBe(0, output);
        output.ShouldContain("pairwise precision 1.0000");
        File.ReadAllLines(Path.Combine(dir, "links.pairs.csv")).Length.ShouldBeGreaterThan(400);
    }

    [Fact]
    public async Task Link_RefusesASourceWithNoUsableIdentifier()
    {
        var dir = TempDir();
        var file = Path.Combine(dir, "notes.csv");
        File.WriteAllText(file, "case,note\n1,hello\n2,world\n");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "notes=" + file, "--out", Path.Combine(dir, "links.csv"));
        code.ShouldBe(2);
        output.ShouldContain("has no usable identifier");
        File.Exists(Path.Combine(dir, "links.csv")).ShouldBeFalse();
    }

    [Fact]
    public async Task Link_PrivateMode_NeedsASecret()
    {
        var dir = TempDir();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "febrl", "dataset1.csv");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "febrl=" + file, "--out", Path.Combine(dir, "links.csv"), "--private");
        code.ShouldBe(2);
        output.ShouldContain("--secret-file");
    }

    [Fact]
    public async Task Link_PrivateMode_LinksOnEncodingsAlone()
    {
        var dir = TempDir();
        var secret = Path.Combine(dir, "secret.txt");
        File.WriteAllText(secret, "a-secret-the-agencies-agreed-on");
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "febrl", "dataset1.csv");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "febrl=" + file, "--out", Path.Combine(dir, "links.csv"), "--private", "--secret-file", secret, "--truth-column", "rec_id");
        code.ShouldBe(0, output);
        output.ShouldContain("pairwise precision");
    }

    [Fact]
    public async Task Link_MapOverride_UsesTheNamedColumn()
    {
        var dir = TempDir();
        var a = Path.Combine(dir, "a.csv");
        var b = Path.Combine(dir, "b.csv");
        File.WriteAllText(a, "ref,fn,sn,born,pc\n1,Margaret,Okonkwo-Bell,12/03/1961,NF1 2AB\n2,John,Smith,01/01/1990,NF3 4CD\n");
        File.WriteAllText(b, "ref,fn,sn,born,pc\nX,Peggy,Okonkwo-Bell,1961-03-12,NF1 2AB\nY,Alan,Jones,1950-05-05,NF9 9ZZ\n");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "a=" + a, "--source", "b=" + b, "--out", Path.Combine(dir, "links.csv"),
            "--map", "fn=given-names", "--map", "sn=surname", "--map", "born=date-of-birth", "--map", "pc=postcode");
        code.ShouldBe(0, output);
        output.ShouldContain("fn→GivenNames");
        output.ShouldContain("born→DateOfBirth");
        var rows = File.ReadAllLines(Path.Combine(dir, "links.csv")).Skip(1).Select(l => l.Split(',')).ToDictionary(r => r[0] + ":" + r[1], r => r[2]);
        rows["a:1"].ShouldBe(rows["b:X"]);
        rows["a:2"].ShouldNotBe(rows["b:Y"]);
    }

    [Fact]
    public async Task Link_RefusesAnUnknownMapField()
    {
        var dir = TempDir();
        var file = Path.Combine(AppContext.BaseDirectory, "Fixtures", "febrl", "dataset1.csv");
        var (code, output) = await CliRunner.RunAsync("link", "--source", "febrl=" + file, "--out", Path.Combine(dir, "links.csv"), "--map", "surname=shoe-size");
        code.ShouldBe(2);
        output.ShouldContain("is not a field");
    }

    [Fact]
    public async Task Encode_ThenLinkEncodedExtracts_WithoutClearText()
    {
        var dir = TempDir();
        var (code, output) = await CliRunner.RunAsync("link", "generate", "--people", "800", "--seed", "6", "--out", dir);
        code.ShouldBe(0, output);
        var secret = Path.Combine(dir, "secret.txt");
        File.WriteAllText(secret, "a-secret-the-agencies-agreed-on");
        var args = new List<string> { "link" };
        foreach (var agency in new[] { "police", "health", "housing" })
        {
            (code, output) = await CliRunner.RunAsync("link", "encode", "--source", $"{agency}={Path.Combine(dir, agency + ".csv")}", "--secret-file", secret, "--out", Path.Combine(dir, agency + ".enc.csv"));
            code.ShouldBe(0, output);
            var text = File.ReadAllText(Path.Combine(dir, agency + ".enc.csv"));
            var firstSurname = File.ReadAllLines(Path.Combine(dir, agency + ".csv"))[1].Split(',')[2];
            text.ShouldNotContain(firstSurname);
            args.AddRange(["--encoded", $"{agency}={Path.Combine(dir, agency + ".enc.csv")}"]);
        }
        args.AddRange(["--out", Path.Combine(dir, "links.csv"), "--truth-file", Path.Combine(dir, "truth.csv")]);
        (code, output) = await CliRunner.RunAsync([.. args]);
        code.ShouldBe(0, output);
        output.ShouldContain("pairwise precision");
    }

    [Fact]
    public async Task Help_ListsTheLinkVerb()
    {
        var (code, output) = await CliRunner.RunAsync("--help");
        code.ShouldBe(0);
        output.ShouldContain("link");
    }
}
