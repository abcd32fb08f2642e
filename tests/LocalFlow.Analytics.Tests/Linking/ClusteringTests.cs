using LocalFlow.Analytics.Linking;
using static LocalFlow.Analytics.Tests.Linking.LinkingTestData;

namespace LocalFlow.Analytics.Tests.Linking;

public class ClusteringTests
{
    [Fact]
    public void MotherAndSonSharingPhoneEmailAndAddress_AreNotMerged()
    {
        // A and B are the same man; B and C share a phone, e-mail and address (a shared family account) but are a
        // mother and her son, born a generation apart: before household scoring the shared fields linked B and C and
        // chained all three into one person.
        var records = new List<LinkRecord>
        {
            Person("police", "A", "Joseph", "Adeyemi", "1990-07-01", "NF7 3CD", "2 Mill Lane", nhs: "9434765919", sex: "M"),
            Person("housing", "B", "Joseph", "Adeyemi", "1990-07-01", "NF7 3CD", "2 Mill Lane", sex: "M", phone: "07700900123", email: "family.adeyemi@example.org"),
            Person("health", "C", "Grace", "Adeyemi", "1958-11-23", "NF7 3CD", "2 Mill Lane", nhs: "4010232137", sex: "F", phone: "07700900123", email: "family.adeyemi@example.org"),
        };
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = Model });
        var weights = Enumerable.Range(0, result.Pairs.Count).ToDictionary(i => $"{result.Record(result.Pairs.A(i)).RecordId}{result.Record(result.Pairs.B(i)).RecordId}", i => result.Weights[i]);
        weights["AB"].ShouldBeGreaterThan((float)result.Model.LinkThreshold);
        weights["BC"].ShouldBeLessThan((float)result.Model.ReviewThreshold);
        result.Explain(1, 2).Contributions.ShouldContain(c => c.Comparison == "cannot link");
        result.Clusters.PersonIdOf(0).ShouldBe(result.Clusters.PersonIdOf(1));
        result.Clusters.PersonIdOf(0).ShouldNotBe(result.Clusters.PersonIdOf(2));
    }

    [Fact]
    public void PersonIds_StayStable_WhenRunAgainOnMoreData()
    {
        var first = new List<LinkRecord>
        {
            Person("police", "1", "Margaret", "Okonkwo", "1961-03-12", "NF1 2AB", "10 High Street"),
            Person("housing", "9", "Peggy", "Okonkwo", "12/03/1961", "NF1 2AB", "10 High St"),
            Person("health", "5", "Joseph", "Adeyemi", "1990-07-01", "NF7 3CD", "2 Mill Lane"),
        };
        var run1 = Linker.Run(new ClearTextSchema(first), new LinkageOptions { Model = Model });
        var previous = Enumerable.Range(0, first.Count).ToDictionary(i => (first[i].Source, first[i].RecordId), i => run1.Clusters.PersonIdOf(i));

        // New extract rows arrive first in the list, so cluster order changes; ids must not.
        var second = new List<LinkRecord>
        {
            Person("education", "77", "Amara", "Nwosu", "2015-05-05", "NF2 8EF", "7 Oak Road"),
            Person("social_care", "3", "Joe", "Adeyemi", "1990-07-01", "NF7 3CD", "2 Mill Lane"),
        };
        second.AddRange(first);
        var run2 = Linker.Run(new ClearTextSchema(second), new LinkageOptions { Model = Model, PreviousPersonIds = previous });
        run2.Clusters.PersonIdOf(2).ShouldBe(previous[("police", "1")]);
        run2.Clusters.PersonIdOf(3).ShouldBe(previous[("housing", "9")]);
        run2.Clusters.PersonIdOf(1).ShouldBe(previous[("health", "5")]);
        var newId = run2.Clusters.PersonIdOf(0);
        previous.Values.ShouldNotContain(newId);
        long.Parse(newId[1..], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(previous.Values.Max(v => long.Parse(v[1..], System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void PersonIds_WhenTwoClustersClaimOneId_TheLargerKeepsIt()
    {
        var schema = new ClearTextSchema([Person("a", "1", surname: "X"), Person("a", "2", surname: "X"), Person("a", "3", surname: "X")]);
        var previous = new Dictionary<(string, string), string> { [("a", "1")] = "P0000042", [("a", "2")] = "P0000042", [("a", "3")] = "P0000042" };
        var ids = PersonIds.Assign(schema, [[0], [1, 2]], previous);
        ids[1].ShouldBe("P0000042");
        ids[0].ShouldBe("P0000043");
    }

    [Fact]
    public void UnionFind_JoinsSets()
    {
        var uf = new UnionFind(5);
        uf.Union(0, 1).ShouldBeTrue();
        uf.Union(1, 2).ShouldBeTrue();
        uf.Union(0, 2).ShouldBeFalse();
        uf.Find(2).ShouldBe(uf.Find(0));
        uf.Find(3).ShouldNotBe(uf.Find(0));
    }

    [Fact]
    public void Households_FollowSharedAddresses_AndMoves()
    {
        var records = new List<LinkRecord>
        {
            Person("police", "1", "Margaret", "Okonkwo", "1961-03-12", "NF1 2AB", "10 High Street"),
            Person("housing", "9", "Peggy", "Okonkwo", "12/03/1961", "NF1 2AB", "10 High St"),
            Person("health", "5", "Tobi", "Okonkwo", "2001-02-02", "NF1 2AB", "10 High Street"),
            Person("social_care", "8", "Margaret", "Okonkwo", "1961-03-12", "NF5 6GH", "4 Elm Close", previousPostcodes: "NF1 2AB"),
        };
        records[0].RecordDate = new DateOnly(2023, 1, 1);
        records[3].RecordDate = new DateOnly(2025, 6, 1);
        var result = Linker.Run(new ClearTextSchema(records), new LinkageOptions { Model = Model });
        var margaret = result.Clusters.PersonIdOf(0);
        result.Clusters.PersonIdOf(3).ShouldBe(margaret);
        var (households, residences) = Households.Build(result);
        var home = households.Single(h => h.Postcode == "NF12AB");
        home.PersonIds.Count.ShouldBe(2);
        residences.Count(r => r.PersonId == margaret).ShouldBe(2);
    }
}
