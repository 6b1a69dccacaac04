using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Engine.Tests.Venues.Alpaca;

/// <summary>
/// A self-signed server certificate made at test time (never stored in the repository): its PFX for
/// Kestrel and its public part as a PEM file for the client's trusted-root option.
/// </summary>
internal sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 server, string pemPath)
    {
        Server = server;
        PemPath = pemPath;
    }

    /// <summary>The certificate with its private key, for the server.</summary>
    public X509Certificate2 Server { get; }

    /// <summary>The public certificate as a PEM file, for the client.</summary>
    public string PemPath { get; }

    /// <summary>A certificate for 127.0.0.1 and localhost, or for <paramref name="dnsName"/> only when given (a name the client will not connect to).</summary>
    public static TestCertificate Create(string? dnsName = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + (dnsName ?? "fake-alpaca-test"), key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        if (dnsName is null)
        {
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
        }
        else
        {
            names.AddDnsName(dnsName);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Through PKCS#12 so the key is usable by Kestrel's TLS on every platform.
        var server = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
        string pemPath = Path.Combine(Path.GetTempPath(), $"fake-alpaca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(pemPath, created.ExportCertificatePem());
        return new TestCertificate(server, pemPath);
    }

    public void Dispose()
    {
        Server.Dispose();
        File.Delete(PemPath);
    }
}
