using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LocalFlow.Data;

/// <summary>
/// LocalFlow's own traces and metrics, both named <see cref="Name"/> (docs/operations.md lists every instrument).
/// Nothing is recorded unless a listener is attached: the web app attaches OpenTelemetry when telemetry is turned on,
/// tests attach an in-memory exporter. Tags carry no personal data, ever: a locality's id, an agency's name, what
/// kind of import or figures, an outcome; never a person's name, words, address, a file's name or search text.
/// </summary>
public static class Telemetry
{
    /// <summary>The name of LocalFlow's <see cref="ActivitySource"/> and <see cref="Meter"/>.</summary>
    public const string Name = "LocalFlow";

    /// <summary>Tag: the locality's id.</summary>
    public const string LocalityTag = "localflow.locality.id";

    /// <summary>Tag: what was imported (flow, demand, identity) or which figures were built (engine, picture...).</summary>
    public const string KindTag = "localflow.kind";

    /// <summary>Tag: the agency a flow import's records came from, by its name in the reference data.</summary>
    public const string AgencyTag = "localflow.agency";

    /// <summary>Tag: how an import or a linking run ended (stored, refused, failed; finished, failed).</summary>
    public const string OutcomeTag = "localflow.outcome";

    /// <summary>LocalFlow's spans: imports, builds of kept figures, linking runs.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Records stored by each import (a refused import stores none).</summary>
    public static readonly Histogram<long> ImportRecords = Meter.CreateHistogram<long>("localflow.import.records", "{record}", "Records stored by one import");

    /// <summary>The size of each imported flow file.</summary>
    public static readonly Histogram<long> ImportBytes = Meter.CreateHistogram<long>("localflow.import.bytes", "By", "Size of one imported file");

    /// <summary>How long each import took, from reading the file (or the checked rows) to the commit.</summary>
    public static readonly Histogram<double> ImportDuration = Meter.CreateHistogram<double>("localflow.import.duration", "s", "Time one import took");

    /// <summary>How long each build of kept figures took (the flow engine, the locality picture...: <see cref="Flow.KeptFigures{T}"/>).</summary>
    public static readonly Histogram<double> FiguresBuildDuration = Meter.CreateHistogram<double>("localflow.figures.build.duration", "s", "Time one build of a locality's kept figures took");

    /// <summary>How long each linking run took.</summary>
    public static readonly Histogram<double> LinkingDuration = Meter.CreateHistogram<double>("localflow.linking.duration", "s", "Time one linking run took");

    /// <summary>Records compared by each linking run.</summary>
    public static readonly Histogram<long> LinkingRecords = Meter.CreateHistogram<long>("localflow.linking.records", "{record}", "Records one linking run compared");

    /// <summary>
    /// Starts timing one piece of work: a span named <paramref name="span"/> (when anyone listens) and a clock;
    /// <see cref="Timing.Dispose"/> records the time in <paramref name="duration"/> with the same tags.
    /// </summary>
    public static Timing Start(string span, Histogram<double> duration, string kind, int localityId) => new(span, duration, kind, localityId);

    /// <summary>One timed piece of work (<see cref="Start"/>): add tags as they become known, dispose to record.</summary>
    public sealed class Timing : IDisposable
    {
        private readonly Histogram<double> _duration;
        private readonly Activity? _activity;
        private readonly long _started = Stopwatch.GetTimestamp();
        private TagList _tags;
        private bool _done;

        internal Timing(string span, Histogram<double> duration, string kind, int localityId)
        {
            _duration = duration;
            _tags = new TagList { { KindTag, kind }, { LocalityTag, localityId } };
            _activity = Source.StartActivity(span);
            _activity?.SetTag(KindTag, kind);
            _activity?.SetTag(LocalityTag, localityId);
        }

        /// <summary>The tags recorded with every measurement of this work.</summary>
        public TagList Tags => _tags;

        /// <summary>Adds a tag (never personal data) to the span and to the time recorded.</summary>
        public Timing Tag(string name, object? value)
        {
            _tags.Add(name, value);
            _activity?.SetTag(name, value);
            return this;
        }

        /// <summary>Records the time taken (once) and ends the span.</summary>
        public void Dispose()
        {
            if (_done)
            {
                return;
            }
            _done = true;
            _duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, _tags);
            _activity?.Dispose();
        }
    }
}
