using Engine.Metrics;
using Microsoft.Extensions.Hosting.Systemd;

namespace Engine.Host;

/// <summary>
/// Tells systemd (a <c>Type=notify</c> unit) that the engine is ready, alive and stopping, through
/// <c>$NOTIFY_SOCKET</c>. The watchdog ping is sent only while the loop still advances, so a stuck
/// loop lets <c>WatchdogSec=</c> restart the service. Without systemd it does nothing.
/// </summary>
/// <remarks>Host thread only.</remarks>
public sealed class ServiceNotifier
{
    private static readonly ServiceState s_watchdog = new("WATCHDOG=1");

    private readonly SystemdNotifier _systemd = new();

    /// <summary>Whether systemd is listening (NOTIFY_SOCKET set).</summary>
    public bool IsEnabled => _systemd.IsEnabled;

    /// <summary>READY=1: the engine is started and serving.</summary>
    public void Ready()
    {
        if (_systemd.IsEnabled)
        {
            _systemd.Notify(ServiceState.Ready);
        }
    }

    /// <summary>WATCHDOG=1 when the loop handles a no-op command within <paramref name="timeout"/>; nothing otherwise.</summary>
    public bool Alive(EngineHost host, TimeSpan timeout)
    {
        if (!_systemd.IsEnabled || !HealthReport.Live(host, timeout).Ok)
        {
            return false;
        }
        _systemd.Notify(s_watchdog);
        return true;
    }

    /// <summary>STOPPING=1: the ordered stop has begun.</summary>
    public void Stopping()
    {
        if (_systemd.IsEnabled)
        {
            _systemd.Notify(ServiceState.Stopping);
        }
    }
}
