using System.Security.Cryptography;
using LocalFlow.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace LocalFlow.Data.LocalityWork;

/// <summary>
/// Recordings of a person's plan in their own voice. The type is found from the file's first bytes (never from its
/// name or the browser's word for it), only common audio and video kinds are taken, and the size is limited. The
/// bytes are kept in the database (backed up with everything else, never on a path built from the file's name).
/// </summary>
public static class PlanRecordings
{
    /// <summary>The largest recording taken: 25 MB (a few minutes of phone video, much longer audio).</summary>
    public const long MaxBytes = 25L * 1024 * 1024;

    /// <summary>What the upload page says is taken.</summary>
    public const string Accepted = "MP3, M4A, MP4, WAV, OGG or WebM";

    /// <summary>The media type of the content, from its first bytes, or null when it is not an audio or video kind taken here.</summary>
    public static string? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return "audio/wav";
        }
        if (head.Length >= 4 && head[..4].SequenceEqual("OggS"u8))
        {
            return "audio/ogg";
        }
        if (head.Length >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3)
        {
            return "video/webm";
        }
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            // ISO base media: M4A is audio only; anything else (isom, mp42, qt) is played as MP4 video.
            return head[8..11].SequenceEqual("M4A"u8) ? "audio/mp4" : "video/mp4";
        }
        if (head.Length >= 3 && head[..3].SequenceEqual("ID3"u8))
        {
            return "audio/mpeg";
        }
        if (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0 && (head[1] & 0x06) != 0)
        {
            // an MPEG audio frame header without an ID3 tag (layer bits not 00)
            return "audio/mpeg";
        }
        return null;
    }

    /// <summary>
    /// Stores a recording for the person, or says what is wrong with it: empty, too large, or not a kind taken.
    /// An earlier recording stays (removed ones are soft-removed by <see cref="RemoveAsync"/>).
    /// </summary>
    public static async Task<(PlanRecording? Recording, string? Error)> AddAsync(LocalFlowDb db, Person person, string fileName, Stream content, long? declaredLength, string by, CancellationToken ct = default)
    {
        var name = Path.GetFileName(fileName ?? "");
        if (declaredLength > MaxBytes)
        {
            return (null, $"The file \"{name}\" is too large: it must be 25 MB or smaller");
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, $"The file \"{name}\" is too large: it must be 25 MB or smaller");
            }
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
        {
            return (null, $"The file \"{name}\" is empty");
        }
        var bytes = buffer.ToArray();
        var type = Detect(bytes.AsSpan(0, Math.Min(bytes.Length, 64)));
        if (type is null)
        {
            return (null, $"The file \"{name}\" is not an audio or video recording LocalFlow can play: it must be {Accepted}");
        }
        var recording = new PlanRecording
        {
            LocalityId = person.LocalityId,
            PersonId = person.Id,
            FileName = name.Length > 255 ? name[..255] : name,
            ContentType = type,
            SizeBytes = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedBy = by,
            UploadedUtc = db.Clock.GetUtcNow().UtcDateTime,
        };
        db.PlanRecordings.Add(recording);
        db.PlanRecordingContents.Add(new PlanRecordingContent { LocalityId = person.LocalityId, Id = recording.Id, Content = bytes });
        await db.SaveChangesAsync(ct);
        return (recording, null);
    }

    /// <summary>The person's latest recording that has not been removed, or null.</summary>
    public static Task<PlanRecording?> LatestAsync(LocalFlowDb db, Person person, CancellationToken ct = default) =>
        db.PlanRecordings.AsNoTracking().Where(r => r.LocalityId == person.LocalityId && r.PersonId == person.Id && r.RemovedUtc == null)
            .OrderByDescending(r => r.UploadedUtc).FirstOrDefaultAsync(ct);

    /// <summary>Removes a recording softly: it is no longer offered, its bytes are kept, and the removal is audited.</summary>
    public static async Task<bool> RemoveAsync(LocalFlowDb db, Person person, Guid id, string by, CancellationToken ct = default)
    {
        var row = await db.PlanRecordings.SingleOrDefaultAsync(r => r.LocalityId == person.LocalityId && r.PersonId == person.Id && r.Id == id && r.RemovedUtc == null, ct);
        if (row is null)
        {
            return false;
        }
        row.RemovedUtc = db.Clock.GetUtcNow().UtcDateTime;
        row.RemovedBy = by;
        await db.SaveChangesAsync(ct);
        return true;
    }
}
