using Engine.Metrics;
using Microsoft.Extensions.Hosting.Systemd;

namespace Engine.Host;

/// <summary>
/// Pings systemd's watchdog (<c>WATCHDOG=1</c> through <c>$NOTIFY_SOCKET</c>) only while the loop
/// still advances, so a stuck loop lets <c>WatchdogSec=</c> restart the service. READY=1 and
/// STOPPING=1 are the host's <c>SystemdLifetime</c>'s. Without systemd it does nothing.
/// </summary>
/// <remarks>Host thread only.</remarks>
public sealed class ServiceNotifier
{
    private static readonly ServiceState s_watchdog = new("WATCHDOG=1");

    private readonly SystemdNotifier _systemd = new();

    /// <summary>Whether systemd is listening (NOTIFY_SOCKET set).</summary>
    public bool IsEnabled => _systemd.IsEnabled;

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
}
