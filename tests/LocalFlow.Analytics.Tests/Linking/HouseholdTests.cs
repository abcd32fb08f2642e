using System.Text;
using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Privacy;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

/// <summary>Members of one household share an address, a phone, an e-mail and a surname, and stay different people.</summary>
public class HouseholdTests
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("agreed-between-agencies-2026");

    // Each family: two people who must stay apart, each held by two agencies (so each person's own records do link).
    private static List<LinkRecord> Families() =>
    [
        // Twins: same birthday, surname, address and landline; different given names.
        Person("gp", "1", "Oliver", "Brennan", "2012-04-18", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
        Person("council", "1", "Oliver", "Brennan", "18/04/2012", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
        Person("gp", "2", "Harry", "Brennan", "2012-04-18", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
        Person("council", "2", "Harry", "Brennan", "18/04/2012", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
        // Father and son of the same name (Sr/Jr), same address, phone and e-mail.
        Person("gp", "3", "Kevin", "Osei", "1968-09-02", "NF5 1CD", "40 Mill Lane", sex: "M", phone: "07700900222", email: "osei.home@example.org"),
        Person("council", "3", "Kevin", "Osei", "02/09/1968", "NF5 1CD", "40 Mill Lane", sex: "M", phone: "07700900222", email: "osei.home@example.org"),
        Person("gp", "4", "Kevin", "Osei", "1995-03-27", "NF5 1CD", "40 Mill Lane", sex: "M", phone: "07700900222", email: "osei.home@example.org"),
        Person("council", "4", "Kevin", "Osei", "27/03/1995", "NF5 1CD", "40 Mill Lane", sex: "M", phone: "07700900222", email: "osei.home@example.org"),
        // A couple sharing one e-mail address and a surname.
        Person("gp", "5", "Sharon", "Whitfield", "1975-11-30", "NF8 2EF", "7 Church Street", sex: "F", email: "thewhitfields@example.org"),
        Person("council", "5", "Sharon", "Whitfield", "30/11/1975", "NF8 2EF", "7 Church Street", sex: "F", email: "thewhitfields@example.org"),
        Person("gp", "6", "Gary", "Whitfield", "1973-06-14", "NF8 2EF", "7 Church Street", sex: "M", email: "thewhitfields@example.org"),
        Person("council", "6", "Gary", "Whitfield", "14/06/1973", "NF8 2EF", "7 Church Street", sex: "M", email: "thewhitfields@example.org"),
        // Siblings sharing a mobile (the mother's), two years apart.
        Person("gp", "7", "Amelia", "Kowalski", "2009-01-05", "NF2 9GH", "3 Oak Close", sex: "F", phone: "07700900333"),
        Person("council", "7", "Amelia", "Kowalski", "05/01/2009", "NF2 9GH", "3 Oak Close", sex: "F", phone: "07700900333"),
        Person("gp", "8", "Grace", "Kowalski", "2011-08-21", "NF2 9GH", "3 Oak Close", sex: "F", phone: "07700900333"),
        Person("council", "8", "Grace", "Kowalski", "21/08/2011", "NF2 9GH", "3 Oak Close", sex: "F", phone: "07700900333"),
        // A mother and her six-year-old with two different valid NHS numbers.
        Person("gp", "9", "Dawn", "Quinn", "1990-02-11", "NF6 2AB", "27 Church Road", nhs: "9434765919", sex: "F", phone: "07700900444"),
        Person("council", "9", "Dawn", "Quinn", "11/02/1990", "NF6 2AB", "27 Church Road", sex: "F", phone: "07700900444"),
        Person("gp", "10", "Chloe", "Quinn", "2019-07-03", "NF6 2AB", "27 Church Road", nhs: "4010232137", sex: "F", phone: "07700900444"),
        Person("council", "10", "Chloe", "Quinn", "03/07/2019", "NF6 2AB", "27 Church Road", sex: "F", phone: "07700900444"),
    ];

    private static void EveryPersonIsWhole_AndNoFamilyMerged(LinkageResult result, List<LinkRecord> records)
    {
        var merged = Enumerable.Range(0, records.Count / 4).Where(f => result.Clusters.PersonIdOf(4 * f) == result.Clusters.PersonIdOf((4 * f) + 2)).Select(f => records[4 * f].Surname).ToList();
        merged.ShouldBeEmpty();
        for (var i = 0; i < records.Count; i += 2)
        {
            result.Clusters.PersonIdOf(i).ShouldBe(result.Clusters.PersonIdOf(i + 1), $"records of person {records[i].RecordId} should link");
        }
        for (var i = 0; i < records.Count; i += 4)
        {
            result.Clusters.PersonIdOf(i).ShouldNotBe(result.Clusters.PersonIdOf(i + 2), $"person {records[i].RecordId} and person {records[i + 2].RecordId} live together but are two people");
        }
    }

    [Fact]
    public void Twins_Namesakes_Couples_AndSiblings_StayTwoPeople_InClearText()
    {
        var records = Families();
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        EveryPersonIsWhole_AndNoFamilyMerged(result, records);
    }

    [Fact]
    public void Namesakes_Couples_AndSiblings_StayTwoPeople_WithBloomFilters()
    {
        // Twins are left out: with Bloom filters a different given name cannot be told from a nickname (unrelated names
        // still share about a third of their bits), so no cannot-link rule holds twins apart unless one agency holds
        // both (next test), and the household weights alone do not here. A known weakness of the privacy-preserving mode
        // (docs/linking.md).
        var records = Families().Skip(4).ToList();
        var data = LocalFlow.Analytics.Linking.Synthetic.LinkageDataGenerator.Generate(new LocalFlow.Analytics.Linking.Synthetic.SyntheticOptions { People = 6000, Seed = 98, Hard = true });
        var encoder = new BloomEncoder(Secret);
        var model = Linker.Run(new BloomSchema(encoder.Encode(data.Records))).Model;
        var result = Linker.Run(new BloomSchema(encoder.Encode(records)), new LinkageOptions { Model = model });
        EveryPersonIsWhole_AndNoFamilyMerged(result, records);
    }

    [Fact]
    public void TwinsSharingAnInitial_StayApart_AndARecordWithNoGivenName_IsGivenToNeither()
    {
        var records = new List<LinkRecord>
        {
            // Twins Leo and Lucas: same birthday, address and landline, names starting with one letter.
            Person("gp", "1", "Leo", "Clarke", "2010-11-05", "NF24 6AA", "177 Chestnut Road", sex: "M", phone: "01632960555"),
            Person("council", "1", "Leo", "Clarke", "05/11/2010", "NF24 6AA", "177 Chestnut Road", sex: "M", phone: "01632960555"),
            Person("gp", "2", "Lucas", "Clarke", "2010-11-05", "NF24 6AA", "177 Chestnut Road", sex: "M", phone: "01632960555"),
            Person("council", "2", "Lucas", "Clarke", "05/11/2010", "NF24 6AA", "177 Chestnut Road", sex: "M", phone: "01632960555"),
            // A police record of one of them without a given name: it matches both twins equally.
            Person("police", "9", "", "Clarke", "05-Nov-2010", "NF24 6AA", "177 Chestnut Road", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 2).Contributions.ShouldContain(c => c.Comparison == "cannot link");
        var c = result.Clusters;
        c.PersonIdOf(0).ShouldBe(c.PersonIdOf(1));
        c.PersonIdOf(2).ShouldBe(c.PersonIdOf(3));
        c.PersonIdOf(0).ShouldNotBe(c.PersonIdOf(2));
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(0));
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(2));
        c.People[c.PersonOf[4]].Flagged.ShouldBeTrue();
    }

    [Fact]
    public void ARecordWithNoDateOfBirth_AtTheAddressOfAFatherAndSonOfOneName_IsGivenToNeither()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Peter", "Graham", "1956-11-24", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M", phone: "07700900501"),
            Person("council", "1", "Peter", "Graham", "24/11/1956", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M", phone: "07700900501"),
            Person("gp", "2", "Peter", "Graham", "1992-12-15", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M", phone: "07700900502"),
            Person("council", "2", "Peter", "Graham", "15/12/1992", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M", phone: "07700900502"),
            // A housing record of one of them without a date of birth.
            Person("housing", "9", "Peter", "Graham", "", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        var c = result.Clusters;
        c.PersonIdOf(0).ShouldBe(c.PersonIdOf(1));
        c.PersonIdOf(2).ShouldBe(c.PersonIdOf(3));
        c.PersonIdOf(0).ShouldNotBe(c.PersonIdOf(2));
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(0), "the record cannot be told from the father");
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(2), "the record cannot be told from the son");
        c.People[c.PersonOf[4]].Flagged.ShouldBeTrue("the record is left for review");
    }

    [Fact]
    public void ARecordWithNoPostcode_AtTheAddressOfAFatherAndSonOfOneName_IsOneHousehold_AndGivenToNeither()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Trevor", "Leyvilwell", "1958-06-30", "NF25 3CA", "170 Stanley Gardens", sex: "M", phone: "07700900701"),
            Person("council", "1", "Trevor", "Leyvilwell", "30/06/1958", "NF25 3CA", "170 Stanley Gardens", sex: "M", phone: "07700900701"),
            Person("gp", "2", "Trevor", "Leyvilwell", "1990-01-17", "NF25 3CA", "170 Stanley Gardens", sex: "M", phone: "07700900702"),
            Person("council", "2", "Trevor", "Leyvilwell", "17/01/1990", "NF25 3CA", "170 Stanley Gardens", sex: "M", phone: "07700900702"),
            // A police record of one of them with neither a date of birth nor a postcode: the same house all the same.
            Person("police", "9", "Trevor", "Leyvilwell", "", "", "170 Stanley Gardens", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        var address = result.Explain(4, 0).Contributions.First(c => c.Comparison == "address");
        address.Level.ShouldEndWith("(one household: counted once)");
        result.Explain(4, 0).Contributions.First(c => c.Comparison == "surname").Total.ShouldBeLessThan(2, "a surname shared in one house says little");
        var c = result.Clusters;
        c.PersonIdOf(0).ShouldBe(c.PersonIdOf(1));
        c.PersonIdOf(2).ShouldBe(c.PersonIdOf(3));
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(0), "the record cannot be told from the father");
        c.PersonIdOf(4).ShouldNotBe(c.PersonIdOf(2), "the record cannot be told from the son");
    }

    [Fact]
    public void WithTheReviewRule_ARecordWithNoDateOfBirth_ThatOnlyAHouseholdAndAName_Join_GoesToReview_UnlessAnIdAgrees()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Brian", "Mordale", "1961-03-14", "NF27 0DA", "Flat 30, 11 School Point", nhs: "9434765919", sex: "M", phone: "07356852021"),
            Person("council", "1", "Brian", "Mordale", "14/03/1961", "NF27 0DA", "Flat 30, 11 School Point", sex: "M", phone: "07356852021"),
            // His son of the same name, known only to the police, with no date of birth: nothing recorded tells him from his father.
            Person("police", "2", "Brian", "Mordale", "", "NF27 0DA", "Flat 30, 11 School Point", sex: "M", phone: "01408379935"),
            // The father at the hospital, no date of birth taken, but his NHS number.
            Person("hospital", "1", "Brian", "Mordale", "", "NF27 0DA", "Flat 30, 11 School Point", nhs: "9434765919", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel, UntoldHouseholdPairsToReview = true });
        var x = result.Explain(1, 2);
        x.TotalWeight.ShouldBeGreaterThanOrEqualTo(result.Model.LinkThreshold, "by weight alone the pair would link");
        x.Decision.ShouldBe(PairDecision.Review);
        var c = result.Clusters;
        c.PersonIdOf(0).ShouldBe(c.PersonIdOf(1));
        c.PersonIdOf(2).ShouldNotBe(c.PersonIdOf(0), "the police record is left for a person to decide");
        c.PersonIdOf(3).ShouldBe(c.PersonIdOf(0), "an agreeing NHS number tells him apart");
        var byDefault = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        byDefault.Clusters.PersonIdOf(2).ShouldBe(byDefault.Clusters.PersonIdOf(0), "without the rule (the default) the son is merged with his father");
    }

    [Fact]
    public void SiblingsBornOnOneDayAYearApart_CannotLink()
    {
        var records = new List<LinkRecord>
        {
            // Paul and Dean Jones, born on 13 June 2012 and 2013, of one house: "year ±1" is a typo between strangers' records, not here.
            Person("gp", "1", "Paul", "Jones", "2013-06-13", "NF35 3EA", "96 Rowan Crescent", sex: "M", phone: "01632960901"),
            Person("council", "1", "Dean", "Jones", "13/06/2012", "NF35 3EA", "96 Rowan Crescent", sex: "M", phone: "01632960901"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 1).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one household, a different given name and not the same date of birth");
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
    }

    [Fact]
    public void ACoupleOfOneSurname_AtOneStreetAndNumber_WithAPostcodeMissing_AndBirthdaysADayMonthSwapApart_CannotLink()
    {
        var records = new List<LinkRecord>
        {
            // Ava and Edward Kaur of 48 Green Lane, born on 12 November and 11 December 1978; the housing record has no postcode.
            Person("gp", "1", "Ava", "Kaur", "1978-11-12", "NF38 4BA", "48 Green Lane", sex: "F"),
            Person("housing", "2", "Edward", "Kaur", "11/12/1978", "", "48 Green Lane", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 1).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one household, a different given name and not the same date of birth");
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
    }

    [Fact]
    public void AMotherAndHerSon_OfOneHouse_WithNoDateOfBirthOnHisRecord_CannotLink()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Karen", "Webb", "1979-04-02", "NF12 7DE", "14 Orchard Way", sex: "F", phone: "01632960212"),
            Person("housing", "2", "Thomas", "Webb", "", "NF12 7DE", "14 Orchard Way", phone: "01632960212"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 1).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one household, a different given name and no date of birth to say otherwise");
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
    }

    [Fact]
    public void WithBloomFilters_StrangersSharingOnlyAGivenNameAndABirthday_AreReviewedNotLinked()
    {
        var encoder = new BloomEncoder(Secret);
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Oliver", "Brennan", "1987-03-14", "NF12 3AB", "5 Mill Lane", sex: "M"),
            Person("police", "2", "Oliver", "Whitcombe", "14/03/1987", "NF40 9ZZ", "71 Quarry Hill", sex: "M"),
            // With an NHS number agreeing (2 and 3), or the surname (1 and 2), the pair is left to its weight.
            Person("hospital", "3", "Oliver", "Whitcombe", "1987-03-14", "NF40 9ZZ", "71 Quarry Hill", nhs: "9434765919", sex: "M"),
            Person("gp", "4", "Oliver", "Brennan", "1987-03-14", "NF12 3AB", "5 Mill Lane", nhs: "9434765919", sex: "M"),
        };
        var schema = new BloomSchema(encoder.Encode(records));
        Span<byte> levels = stackalloc byte[schema.Comparisons.Count];
        schema.Compare(0, 1, levels);
        schema.ReviewOnly(levels).ShouldBeTrue();
        var scorer = new PairScorer(schema, HardBloomModel());
        var w = scorer.Score(0, 1, levels, out var agreeing);
        scorer.Decide(0, 1, levels, Math.Max(w, scorer.Model.LinkThreshold), Math.Max(agreeing, 2)).ShouldBe(PairDecision.Review);
        schema.Compare(2, 3, levels);
        schema.ReviewOnly(levels).ShouldBeFalse();
        schema.Compare(1, 2, levels);
        schema.ReviewOnly(levels).ShouldBeFalse();
    }

    [Fact]
    public void WithBloomFilters_AFatherAndSonOfOneName_AndAMemberWithNoDateOfBirth_AreReviewedNotLinked()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Peter", "Graham", "1956-11-24", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M"),
            Person("council", "2", "Peter", "Graham", "15/12/1992", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M"),
            Person("gp", "3", "Karen", "Webb", "1979-04-02", "NF12 7DE", "14 Orchard Way", sex: "F", phone: "01632960212"),
            Person("housing", "4", "Thomas", "Webb", "", "NF12 7DE", "14 Orchard Way", phone: "01632960212"),
            // One person, once with the date of birth written another way: left to its weight.
            Person("council", "5", "Peter", "Graham", "24/11/1956", "NF24 0DA", "Flat 102, 8 Kings Court", sex: "M"),
        };
        var schema = new BloomSchema(new BloomEncoder(Secret).Encode(records));
        Span<byte> levels = stackalloc byte[schema.Comparisons.Count];
        schema.Compare(0, 1, levels);
        schema.ReviewOnly(levels).ShouldBeTrue();
        schema.Compare(2, 3, levels);
        schema.ReviewOnly(levels).ShouldBeTrue();
        schema.Compare(0, 4, levels);
        schema.ReviewOnly(levels).ShouldBeFalse();
    }

    [Fact]
    public void TwinsOfDifferentSex_WithNamesAlike_StayTwoPeople()
    {
        // Louis and Louise Brennan, twins: one household, surname and birthday, names one letter apart, sexes different.
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Louis", "Brennan", "2012-04-18", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
            Person("council", "1", "Louis", "Brennan", "18/04/2012", "NF3 4AB", "12 Elm Road", sex: "M", phone: "01632960111"),
            Person("gp", "2", "Louise", "Brennan", "2012-04-18", "NF3 4AB", "12 Elm Road", sex: "F", phone: "01632960111"),
            Person("council", "2", "Louise", "Brennan", "18/04/2012", "NF3 4AB", "12 Elm Road", sex: "F", phone: "01632960111"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 3).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one household and birthday, different sexes and given names (twins)");
        EveryPersonIsWhole_AndNoFamilyMerged(result, records);
    }

    [Fact]
    public void WithBloomFilters_TwinsEachHeldByOneAgency_StayTwoPeople()
    {
        // Oliver and Harry Brennan, twins, each known to the GP and the council: the GP's two records (and the council's)
        // share the household, surname and birthday, and their given-name filters are clearly different. One agency does
        // not hold one person twice under two names, so those pairs cannot link, and clustering keeps the twins apart.
        var records = Families().Take(4).ToList();
        var schema = new BloomSchema(new BloomEncoder(Secret).Encode(records));
        var result = Linker.Run(schema, new LinkageOptions { Model = HardBloomModel() });
        result.Explain(0, 2).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one source, household and birthday, clearly different given names (twins)");
        result.Explain(0, 3).Contributions.ShouldNotContain(c => c.Comparison == "cannot link");
        EveryPersonIsWhole_AndNoFamilyMerged(result, records);
    }

    private static FellegiSunterModel HardBloomModel()
    {
        var data = LocalFlow.Analytics.Linking.Synthetic.LinkageDataGenerator.Generate(new LocalFlow.Analytics.Linking.Synthetic.SyntheticOptions { People = 1500, Seed = 98, Hard = true });
        return Linker.Run(new BloomSchema(new BloomEncoder(Secret).Encode(data.Records))).Model;
    }

    [Fact]
    public void ATypoOfANickname_OrAGarbledBirthday_DoesNotMakeTwoPeopleOfOne()
    {
        var records = new List<LinkRecord>
        {
            // John O'Brien as "Johr" (a typo) and as "Jack" (his nickname), one birthday and landline: not twins.
            Person("gp", "1", "Johr", "O'Brien", "1940-05-18", "NF7 1BA", "14 Birch Road", sex: "M", phone: "01632960801"),
            Person("council", "1", "Jack", "O'Brien", "18/05/1940", "NF19 9CA", "42 Orchard Avenue", sex: "M", phone: "01632960801"),
            // Jason Turner's birthday typed as a day that cannot exist on one record: not a second Jason of the flat.
            Person("gp", "2", "Jason", "Turner", "1987-03-12", "NF26 0DA", "Flat 38, 10 Mill Heights", sex: "M", phone: "07700900802"),
            Person("council", "2", "Jason", "Turner", "42/05/1987", "NF26 0DA", "Flat 38, 10 Mill Heights", sex: "M", phone: "07700900802"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 1).Contributions.ShouldNotContain(c => c.Comparison == "cannot link");
        result.Explain(2, 3).Contributions.ShouldNotContain(c => c.Comparison == "cannot link");
        result.Clusters.PersonIdOf(0).ShouldBe(result.Clusters.PersonIdOf(1));
        result.Clusters.PersonIdOf(2).ShouldBe(result.Clusters.PersonIdOf(3));
    }

    [Fact]
    public void NamesakesOfOneHousehold_WithClearlyDifferentBirthdays_CannotLink_ButATypoAfterADayMonthSwapCan()
    {
        var records = new List<LinkRecord>
        {
            // Two Roy Hunts seven years apart sharing an address and a mobile: not a generation apart, still two people.
            Person("gp", "1", "Roy", "Hunt", "1992-02-08", "NF3 8BA", "149 Lilac Way", sex: "M", phone: "07700900601"),
            Person("council", "1", "Roy", "Hunt", "16/02/1999", "NF3 8BA", "149 Lilac Way", sex: "M", phone: "07700900601"),
            // One person: 3 May 1972 with day and month swapped (5 March) and then 5 typed as 7.
            Person("gp", "2", "James", "Webb", "1972-05-03", "NF4 6BA", "164 York Drive", sex: "M"),
            Person("council", "2", "James", "Webb", "07/03/1972", "NF4 6BA", "164 York Drive", sex: "M"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        result.Explain(0, 1).Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "one household but clearly different dates of birth");
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
        result.Explain(2, 3).Contributions.First(c => c.Comparison == "date of birth").Level.ShouldStartWith("one digit wrong");
        result.Clusters.PersonIdOf(2).ShouldBe(result.Clusters.PersonIdOf(3));
    }

    [Fact]
    public void TwoDifferentValidNhsNumbers_CannotLink_WhateverElseAgrees()
    {
        var records = new List<LinkRecord>
        {
            Person("gp", "1", "Dawn", "Quinn", "1990-02-11", "NF6 2AB", "27 Church Road", nhs: "9434765919", sex: "F", phone: "07700900444", email: "dawn@example.org"),
            Person("hospital", "1", "Dawn", "Quinn", "1990-02-11", "NF6 2AB", "27 Church Road", nhs: "4010232137", sex: "F", phone: "07700900444", email: "dawn@example.org"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        var x = result.Explain(0, 1);
        x.Contributions.ShouldContain(c => c.Comparison == "cannot link" && c.Level == "two different valid NHS numbers");
        x.TotalWeight.ShouldBeLessThanOrEqualTo(PairScorer.CannotLinkWeight);
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(1));
    }

    [Fact]
    public void HouseholdPair_CountsTheSharedFieldsOnce_AndSaysSo()
    {
        var records = Families();
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = HardModel });
        // Records 4 and 5 are the same father: phone, e-mail and address shared, only one of them weighs.
        var x = result.Explain(4, 5);
        (x.PriorWeight + x.Contributions.Sum(c => c.Total)).ShouldBe(x.TotalWeight, 1e-6);
        x.Contributions.Count(c => c.Level.EndsWith("(one household: counted once)", StringComparison.Ordinal)).ShouldBe(1);
        x.Contributions.Where(c => c.Level.EndsWith("(same household: already counted)", StringComparison.Ordinal)).ShouldAllBe(c => c.Total == 0);
    }
}
