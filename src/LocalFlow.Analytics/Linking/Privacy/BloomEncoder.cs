using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace LocalFlow.Analytics.Linking.Privacy;

/// <summary>One record as an agency sends it in privacy-preserving mode: Bloom filters per field and keyed blocking keys, no clear text.</summary>
/// <param name="Source">The agency.</param>
/// <param name="RecordId">The agency's own id for the row (a pseudonym if the agency prefers).</param>
/// <param name="Filters">Field filters one after another, <see cref="BloomEncoder.Words"/> 64-bit words each, in <see cref="BloomEncoder.Fields"/> order.</param>
/// <param name="BlockKeys">Keyed hashes for the blocking rules, in <see cref="BloomSchema"/> rule order (0: no key).</param>
public sealed record EncodedRecord(string Source, string RecordId, ulong[] Filters, ulong[] BlockKeys);

/// <summary>
/// Encodes identifiers as keyed Bloom filters (cryptographic long-term keys, Schnell, Bachteler &amp; Reiher 2009) so
/// that records can be linked without names leaving the agency. Each field's text is split into padded bigrams (plus
/// a few whole-value tokens: nickname group, sound key, date parts) and each token sets k bits chosen by double
/// hashing: h = HMAC-SHA256(field key, token), bit_i = (h1 + i·h2) mod l with h1, h2 the first two 64-bit words of h.
/// Field keys are HMAC-SHA256(shared secret, field name), so the same token sets different bits in different fields,
/// and nobody without the secret can rebuild the filters from a dictionary of names. Blocking keys are HMACs of the
/// postcode with the given-name initial, of the surname sound with the birth year, and of the date of birth.
/// </summary>
public sealed class BloomEncoder
{
    /// <summary>Bits per field filter.</summary>
    public const int Bits = 512;

    /// <summary>64-bit words per field filter.</summary>
    public const int Words = Bits / 64;

    /// <summary>The encoded fields, in filter order.</summary>
    public static readonly IReadOnlyList<string> Fields = ["given name", "surname", "date of birth", "address", "sex", "NHS number", "phone", "email", "other id"];

    private static readonly int[] HashesPerToken = [20, 20, 20, 15, 30, 15, 15, 15, 15];

    private readonly byte[] _secret;
    private readonly byte[][] _fieldKeys;
    private readonly ConcurrentDictionary<(int Field, string Token), (ulong H1, ulong H2)> _cache = new();

    /// <summary>Makes an encoder from the secret the agencies agreed (at least 16 bytes).</summary>
    public BloomEncoder(byte[] secret)
    {
        if (secret.Length < 16)
        {
            throw new LinkageInputException("The shared secret must be at least 16 bytes long.");
        }
        _secret = secret;
        _fieldKeys = [.. Fields.Select(f => HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes("field:" + f)))];
    }

    /// <summary>Encodes records (in parallel). Clear text never leaves this method.</summary>
    public IReadOnlyList<EncodedRecord> Encode(IReadOnlyList<LinkRecord> records)
    {
        var result = new EncodedRecord[records.Count];
        Parallel.For(0, records.Count, i => result[i] = Encode(records[i]));
        return result;
    }

    /// <summary>Encodes one record.</summary>
    public EncodedRecord Encode(LinkRecord r)
    {
        r = AgencyConventions.Resolve(r);
        var filters = new ulong[Fields.Count * Words];
        var tokens = new List<string>(32);
        var givenWords = Normalise.Words(Normalise.Name(r.GivenNames));
        var given = givenWords.Length > 0 ? givenWords[0] : "";
        if (given.Length > 0)
        {
            Bigrams(given, tokens);
            tokens.Add("K:" + Phonetic.Key(given));
            foreach (var g in Nicknames.GroupsOf(given))
            {
                tokens.Add("G:" + g.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            Set(filters, 0, tokens);
        }
        var surname = Normalise.Name(r.Surname).Replace(" ", "", StringComparison.Ordinal);
        if (surname.Length > 0)
        {
            Bigrams(surname, tokens);
            tokens.Add("K:" + Phonetic.Key(surname));
            Set(filters, 1, tokens);
        }
        PartialDate.TryParse(r.DateOfBirth, out var dob, out _);
        if (!dob.IsUnknown)
        {
            if (dob.Year != 0)
            {
                tokens.Add("Y:" + dob.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (dob.Month != 0)
            {
                tokens.Add("M:" + dob.Month.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (dob.Day != 0)
            {
                tokens.Add("D:" + dob.Day.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (dob.Month != 0 && dob.Day != 0)
            {
                // Day and month as an unordered pair, so a swap still shares it.
                tokens.Add("S:" + Math.Min(dob.Month, dob.Day).ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + Math.Max(dob.Month, dob.Day).ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            Set(filters, 2, tokens);
        }
        var postcode = Normalise.Postcode(r.Postcode);
        var (street, leading) = Normalise.Street(r.AddressLines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)));
        var number = Normalise.HouseNumber(string.IsNullOrWhiteSpace(r.HouseNumber) ? leading : r.HouseNumber);
        if (postcode.Length > 0 || street.Length > 0)
        {
            if (postcode.Length > 0)
            {
                Bigrams(postcode, tokens);
                tokens.Add("P:" + postcode);
            }
            if (number.Length > 0)
            {
                tokens.Add("N:" + number);
            }
            if (street.Length > 0)
            {
                tokens.Add("T:" + Phonetic.Key(street));
            }
            Set(filters, 3, tokens);
        }
        var sex = Normalise.Sex(r.Sex);
        if (sex != '\0')
        {
            tokens.Add("X:" + sex);
            Set(filters, 4, tokens);
        }
        var nhs = Normalise.Digits(r.NhsNumber);
        if (nhs.Length > 0)
        {
            Bigrams(nhs, tokens);
            Set(filters, 5, tokens);
        }
        var phone = Normalise.Phone(r.Phone);
        if (phone.Length > 0)
        {
            Bigrams(phone, tokens);
            Set(filters, 6, tokens);
        }
        var email = Normalise.Email(r.Email);
        if (email.Length > 0)
        {
            Bigrams(email, tokens);
            Set(filters, 7, tokens);
        }
        var otherId = Normalise.Identifier(r.OtherId);
        if (otherId.Length > 0)
        {
            Bigrams(otherId, tokens);
            Set(filters, 8, tokens);
        }
        var keys = new ulong[BloomSchema.RuleNames.Count];
        if (dob.Packed != 0)
        {
            keys[0] = Keyed("dob:" + dob.Packed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (surname.Length > 0 && dob.Year != 0)
        {
            keys[1] = Keyed("sy:" + Phonetic.Key(surname) + ":" + dob.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        if (postcode.Length > 0 && given.Length > 0)
        {
            keys[2] = Keyed("pg:" + postcode + ":" + given[0]);
        }
        if (nhs.Length == 10 && NhsNumber.IsValid(nhs))
        {
            keys[3] = Keyed("nhs:" + nhs);
        }
        if (otherId.Length > 0)
        {
            keys[4] = Keyed("id:" + otherId);
        }
        // Phone and e-mail find the records of a person who moved and whose date of birth was mistyped, as in clear text.
        if (phone.Length > 0)
        {
            keys[5] = Keyed("ph:" + phone);
        }
        if (email.Length > 0)
        {
            keys[6] = Keyed("em:" + email);
        }
        return new EncodedRecord(r.Source, r.RecordId, filters, keys);
    }

    private ulong Keyed(string text)
    {
        Span<byte> h = stackalloc byte[32];
        HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("block:" + text), h);
        var v = BitConverter.ToUInt64(h);
        return v == 0 ? 1 : v;
    }

    private static void Bigrams(string text, List<string> tokens)
    {
        var padded = "_" + text + "_";
        for (var i = 0; i + 1 < padded.Length; i++)
        {
            tokens.Add(padded.Substring(i, 2));
        }
    }

    private void Set(ulong[] filters, int field, List<string> tokens)
    {
        var offset = field * Words;
        var k = HashesPerToken[field];
        foreach (var token in tokens)
        {
            var (h1, h2) = _cache.GetOrAdd((field, token), key =>
            {
                Span<byte> h = stackalloc byte[32];
                HMACSHA256.HashData(_fieldKeys[key.Field], Encoding.UTF8.GetBytes(key.Token), h);
                return (BitConverter.ToUInt64(h), BitConverter.ToUInt64(h[8..]) | 1);
            });
            for (var i = 0; i < k; i++)
            {
                var bit = (int)((h1 + ((ulong)i * h2)) % Bits);
                filters[offset + (bit >> 6)] |= 1UL << (bit & 63);
            }
        }
        tokens.Clear();
    }
}
