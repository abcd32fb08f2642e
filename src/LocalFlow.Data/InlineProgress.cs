namespace LocalFlow.Data;

/// <summary>
/// Progress reported at once on the thread doing the work. <see cref="Progress{T}"/> posts each report to the
/// thread pool instead, so reports can arrive late, out of order and after what follows the work.
/// </summary>
public sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
