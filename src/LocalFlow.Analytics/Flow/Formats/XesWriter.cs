using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace LocalFlow.Analytics.Flow.Formats;

/// <summary>
/// Writes an activity log as IEEE 1849 XES: one trace per person, one event per record (a record with an end becomes
/// a lifecycle start event and a complete event), with the standard concept, time, org, lifecycle and cost extensions
/// and LocalFlow's <c>lf:</c> attributes so that <see cref="XesReader"/> reads back exactly what was written.
/// Other process-mining tools (pm4py, ProM, Disco) read the standard attributes.
/// </summary>
public static class XesWriter
{
    /// <summary>Writes the log (or only <paramref name="persons"/>) to <paramref name="stream"/>, gzipped when <paramref name="gzip"/>.</summary>
    public static void Write(ActivityLog log, Stream stream, bool gzip = false, IEnumerable<int>? persons = null)
    {
        using var target = gzip ? new GZipStream(stream, CompressionLevel.Fastest, leaveOpen: true) : null;
        using var w = XmlWriter.Create((Stream?)target ?? stream, new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CloseOutput = false });
        w.WriteStartDocument();
        w.WriteStartElement("log", "http://www.xes-standard.org/");
        w.WriteAttributeString("xes.version", "1849-2016");
        w.WriteAttributeString("xes.features", "");
        Extension(w, "Concept", "concept", "http://www.xes-standard.org/concept.xesext");
        Extension(w, "Time", "time", "http://www.xes-standard.org/time.xesext");
        Extension(w, "Organizational", "org", "http://www.xes-standard.org/org.xesext");
        Extension(w, "Lifecycle", "lifecycle", "http://www.xes-standard.org/lifecycle.xesext");
        Extension(w, "Cost", "cost", "http://www.xes-standard.org/cost.xesext");
        w.WriteStartElement("classifier");
        w.WriteAttributeString("name", "Activity");
        w.WriteAttributeString("keys", "concept:name");
        w.WriteEndElement();
        Attr(w, "string", "concept:name", "LocalFlow activity log");
        foreach (var p in persons ?? Enumerable.Range(0, log.PersonCount))
        {
            w.WriteStartElement("trace");
            Attr(w, "string", "concept:name", log.PersonId(p));
            var (from, to) = log.RecordsOf(p);
            for (var i = from; i < to; i++)
            {
                var e = log[i];
                if (e.End is { } end)
                {
                    Event(w, e, e.Start, "start");
                    Event(w, e, end, "complete");
                }
                else
                {
                    Event(w, e, e.Start, "complete");
                }
            }
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>The activity name written as <c>concept:name</c>: the source's own, else the kind and subtype ("Assessment: falls").</summary>
    public static string ActivityName(in ActivityEvent e) => e.Activity ?? (e.Subtype is { } s ? $"{e.Kind}: {s}" : e.Kind.ToString());

    private static void Event(XmlWriter w, in ActivityEvent e, DateTimeOffset at, string transition)
    {
        w.WriteStartElement("event");
        Attr(w, "string", "concept:name", ActivityName(e));
        Attr(w, "date", "time:timestamp", at.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffffzzz", CultureInfo.InvariantCulture));
        Attr(w, "string", "lifecycle:transition", transition);
        Attr(w, "string", "org:resource", e.Worker);
        Attr(w, "string", "org:group", e.Team);
        Attr(w, "string", "lf:agency", e.Agency);
        Attr(w, "string", "lf:kind", e.Kind.ToString());
        Attr(w, "string", "lf:subtype", e.Subtype);
        Attr(w, "string", "lf:household", e.HouseholdId);
        Attr(w, "string", "lf:referredToAgency", e.ReferredToAgency);
        Attr(w, "string", "lf:referredToTeam", e.ReferredToTeam);
        Attr(w, "string", "lf:sourceSystem", e.SourceSystem);
        Attr(w, "string", "lf:sourceRecordId", e.SourceRecordId);
        if (transition != "complete" || e.End is null)
        {
            Attr(w, "float", "cost:total", e.Cost?.ToString(CultureInfo.InvariantCulture));
        }
        Attr(w, "boolean", "lf:helped", e.Helped is { } h ? (h ? "true" : "false") : null);
        Attr(w, "string", "lf:helpedReason", e.HelpedReason);
        Attr(w, "string", "lf:text", e.Text);
        w.WriteEndElement();
    }

    private static void Extension(XmlWriter w, string name, string prefix, string uri)
    {
        w.WriteStartElement("extension");
        w.WriteAttributeString("name", name);
        w.WriteAttributeString("prefix", prefix);
        w.WriteAttributeString("uri", uri);
        w.WriteEndElement();
    }

    private static void Attr(XmlWriter w, string type, string key, string? value)
    {
        if (value is null)
        {
            return;
        }
        w.WriteStartElement(type);
        w.WriteAttributeString("key", key);
        w.WriteAttributeString("value", value);
        w.WriteEndElement();
    }
}
