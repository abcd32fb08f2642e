using LocalFlow.Analytics.Linking;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

public class ComparisonTests
{
    private const byte Unknown = LinkageSchema.Unknown;

    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.961)]
    [InlineData("DWAYNE", "DUANE", 0.840)]
    [InlineData("DIXON", "DICKSONX", 0.813)]
    [InlineData("SMITH", "SMITH", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    public void JaroWinkler_MatchesPublishedValues(string a, string b, double expected) =>
        Similarity.JaroWinkler(a, b).ShouldBe(expected, 0.001);

    [Theory]
    [InlineData("Robert", "R163")]
    [InlineData("Rupert", "R163")]
    [InlineData("Ashcraft", "A261")]
    [InlineData("Tymczak", "T522")]
    [InlineData("Pfister", "P236")]
    [InlineData("", "")]
    public void Soundex_GivesTheStandardCodes(string name, string code) => Phonetic.Soundex(name).ShouldBe(code);

    [Theory]
    [InlineData("Smith", "Smyth")]
    [InlineData("Phillips", "Filips")]
    [InlineData("Catherine", "Kathryn")]
    [InlineData("Mackenzie", "McKenzie")]
    [InlineData("Knight", "Night")]
    public void PhoneticKey_FoldsNamesThatSoundAlike(string a, string b) => Phonetic.Key(a).ShouldBe(Phonetic.Key(b));

    [Fact]
    public void PhoneticKey_KeepsDifferentNamesApart() => Phonetic.Key("Smith").ShouldNotBe(Phonetic.Key("Jones"));

    [Theory]
    [InlineData("BOB", "ROBERT", true)]
    [InlineData("PEGGY", "MARGARET", true)]
    [InlineData("BILL", "WILLIAM", true)]
    [InlineData("BOB", "MARGARET", false)]
    [InlineData("ROBERT", "ROBERT", false)]
    public void Nicknames_KnowShortForms(string a, string b, bool expected) => Nicknames.AreAlternatives(a, b).ShouldBe(expected);

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("9434765918", false)]
    [InlineData("943476591", false)]
    [InlineData("94347659X9", false)]
    public void NhsNumber_ChecksTheModulus11Digit(string number, bool valid) => NhsNumber.IsValid(number).ShouldBe(valid);

    [Theory]
    [InlineData("Margaret", "Margaret", 0)]
    [InlineData("Peggy", "Margaret", 2)]
    [InlineData("Ann Louise", "Louise", 2)]
    [InlineData("Jonathon", "Jonathan", 3)]
    [InlineData("J", "John", 5)]
    [InlineData("Margaret", "Kevin", 7)]
    [InlineData("Jack", "James", 6)]
    [InlineData("Johr", "Jack", 4)]
    [InlineData("Aleaxnder", "Sandy", 4)]
    [InlineData("Lim", "Bill", 4)]
    [InlineData("Jack", "Joan", 6)]
    [InlineData("", "Kevin", Unknown)]
    public void GivenName_Levels(string a, string b, byte level) =>
        Levels(Person("a", "1", given: a, surname: "Okafor"), Person("b", "1", given: b, surname: "Okafor"))[ClearTextSchema.GivenName].ShouldBe(level);

    [Fact]
    public void GivenAndSurnameSwapped_IsItsOwnLevel()
    {
        var levels = Levels(Person("a", "1", given: "Stephen", surname: "Howard"), Person("b", "1", given: "Howard", surname: "Stephen"));
        levels[ClearTextSchema.GivenName].ShouldBe((byte)1);
        levels[ClearTextSchema.Surname].ShouldBe((byte)1);
    }

    [Fact]
    public void GivenAndSurnameSwapped_AfterAMarriage_IsStillASwap()
    {
        // Louise Wright, later Louise Botby, written the wrong way round with Wright as her previous surname.
        var levels = Levels(Person("a", "1", given: "Louise", surname: "Wright"), Person("b", "1", given: "Botby", surname: "Louise", previousSurnames: "Wright"));
        levels[ClearTextSchema.GivenName].ShouldBe((byte)1);
        levels[ClearTextSchema.Surname].ShouldBe((byte)1);
    }

    [Theory]
    [InlineData("Okonkwo-Bell", "", "Bell", 2)]
    [InlineData("Okonkwo Bell", "", "Okonkwo-Bell", 0)]
    [InlineData("Jones", "Smith", "Smith", 2)]
    [InlineData("O'Brien", "", "OBrien", 0)]
    [InlineData("Thompson", "", "Thomson", 3)]
    [InlineData("Thompson", "", "Patel", 5)]
    public void Surname_Levels(string a, string previous, string b, byte level) =>
        Levels(Person("a", "1", given: "Ann", surname: a, previousSurnames: previous), Person("b", "1", given: "Ann", surname: b))[ClearTextSchema.Surname].ShouldBe(level);

    [Theory]
    [InlineData("1980-03-04", "04/03/1980", 0)]
    [InlineData("1980-03-04", "1980-04-03", 1)]
    [InlineData("1980-03-04", "1980-03-14", 2)]
    [InlineData("1980-03-14", "1980-03-41", 2)]
    [InlineData("1980-03-04", "1981-03-04", 3)]
    [InlineData("1980", "1980-03-04", 4)]
    [InlineData("1980-03-04", "1975-11-20", 5)]
    [InlineData("1987-03-12", "1987-05-42", Unknown)]
    [InlineData("1985-60-12", "1985-10-42", Unknown)]
    [InlineData("1939-02-11", "02/1939", 4)]
    [InlineData("1969-08-03", "03/1969", 4)]
    [InlineData("2006", "2005-01-21", 4)]
    [InlineData("1964", "1967-10-21", 5)]
    [InlineData("1969-08-03", "11/1969", 5)]
    [InlineData("1969-08-03", "06/1969", 5)]
    [InlineData("", "1975-11-20", Unknown)]
    public void DateOfBirth_Levels(string a, string b, byte level) =>
        Levels(Person("a", "1", surname: "Khan", dob: a), Person("b", "1", surname: "Khan", dob: b))[ClearTextSchema.DateOfBirth].ShouldBe(level);

    [Theory]
    [InlineData("NF1 2AB", "10 High Street", "", "nf12ab", "10 High St", 0)]
    [InlineData("NF1 2AB", "10 High Street", "", "NF1 2AB", "12 High Street", 1)]
    [InlineData("NF1 2AB", "10 High Street", "NF9 9ZZ", "NF9 9ZZ", "3 Low Road", 2)]
    [InlineData("NF1 2AB", "10 High Street", "", "NF1 2BA", "10 High Street", 3)]
    [InlineData("NF1 2AB", "10 High Street", "", "NF1 2XY", "4 Mill Lane", 4)]
    [InlineData("NF1 2AB", "10 High Street", "", "NF1 7XY", "4 Mill Lane", 5)]
    [InlineData("NF1 2AB", "10 High Street", "", "ZZ4 7XY", "4 Mill Lane", 6)]
    [InlineData("", "", "", "ZZ4 7XY", "4 Mill Lane", Unknown)]
    public void Address_Levels(string pcA, string lineA, string previousA, string pcB, string lineB, byte level) =>
        Levels(Person("a", "1", surname: "Khan", postcode: pcA, address: lineA, previousPostcodes: previousA), Person("b", "1", surname: "Khan", postcode: pcB, address: lineB))[ClearTextSchema.Address].ShouldBe(level);

    [Theory]
    [InlineData("943 476 5919", "9434765919", 0)]
    [InlineData("9434765919", "9434765918", 1)]
    [InlineData("9434765919", "4010232137", 2)]
    [InlineData("9434765918", "1111111112", Unknown)]
    [InlineData("", "9434765919", Unknown)]
    public void NhsNumber_Levels(string a, string b, byte level) =>
        Levels(Person("a", "1", surname: "Khan", nhs: a), Person("b", "1", surname: "Khan", nhs: b))[ClearTextSchema.Nhs].ShouldBe(level);

    [Fact]
    public void PhoneEmailAndSex_AreNormalisedBeforeComparing()
    {
        var levels = Levels(Person("a", "1", surname: "Khan", phone: "+44 7700 900123", email: "Ann.Khan@Example.org ", sex: "Female"),
            Person("b", "1", surname: "Khan", phone: "07700900123", email: "ann.khan@example.org", sex: "F"));
        levels[ClearTextSchema.Phone].ShouldBe((byte)0);
        levels[ClearTextSchema.Email].ShouldBe((byte)0);
        levels[ClearTextSchema.Sex].ShouldBe((byte)0);
        Levels(Person("a", "1", surname: "Khan", email: "ann.khan@example.org"), Person("b", "1", surname: "Khan", email: "ann.khan@other.net"))[ClearTextSchema.Email].ShouldBe((byte)1);
    }

    [Fact]
    public void EmptyFields_AreUnknown_NotDisagreement()
    {
        var levels = Levels(Person("a", "1", surname: "Khan"), Person("b", "1", surname: "Khan"));
        levels.Where((_, i) => i != ClearTextSchema.Surname).ShouldAllBe(l => l == Unknown);
    }

    [Fact]
    public void Dice_OfBitSets()
    {
        Similarity.Dice([0b1111UL], [0b0011UL]).ShouldBe(2.0 * 2 / 6, 1e-9);
        Similarity.Dice([0UL], [0UL]).ShouldBe(0);
    }
}
