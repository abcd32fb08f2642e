using LocalFlow.Analytics.Linking;
using LocalFlow.Analytics.Linking.Synthetic;

namespace LocalFlow.Analytics.Tests.Linking;

/// <summary>A model trained once on generator data, for tests on a handful of hand-made records.</summary>
internal static class LinkingTestData
{
    private static readonly Lazy<FellegiSunterModel> Trained = new(() =>
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 4000, Seed = 99 });
        return Linker.Run(new ClearTextSchema(data.Records)).Model;
    });

    public static FellegiSunterModel Model => FellegiSunterModel.FromJson(Trained.Value.ToJson());

    private static readonly Lazy<FellegiSunterModel> TrainedHard = new(() =>
    {
        var data = LinkageDataGenerator.Generate(new SyntheticOptions { People = 6000, Seed = 98, Hard = true });
        return Linker.Run(new ClearTextSchema(data.Records)).Model;
    });

    /// <summary>A model trained on the hard profile (households sharing phones and e-mails), with household u.</summary>
    public static FellegiSunterModel HardModel => FellegiSunterModel.FromJson(TrainedHard.Value.ToJson());

    public static LinkRecord Person(string source, string id, string given = "", string surname = "", string dob = "", string postcode = "", string address = "", string nhs = "", string sex = "", string phone = "", string email = "", string previousSurnames = "", string previousPostcodes = "") => new()
    {
        Source = source,
        RecordId = id,
        GivenNames = given,
        Surname = surname,
        DateOfBirth = dob,
        Postcode = postcode,
        AddressLines = address.Length == 0 ? [] : [address],
        NhsNumber = nhs,
        Sex = sex,
        Phone = phone,
        Email = email,
        PreviousSurnames = previousSurnames,
        PreviousPostcodes = previousPostcodes,
    };

    public static byte[] Levels(LinkRecord a, LinkRecord b)
    {
        var schema = new ClearTextSchema([a, b]);
        var levels = new byte[schema.Comparisons.Count];
        schema.Compare(0, 1, levels);
        return levels;
    }
}
