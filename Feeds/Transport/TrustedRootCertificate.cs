using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Feeds.Transport;

/// <summary>
/// Trusts one extra root certificate (a test server's or a private deployment's) beside the
/// platform's roots, for TLS clients (the WebSocket transport, the Alpaca REST client).
/// Validation stays on: the host name must match, and a chain that the platform refuses must build
/// to exactly that root with no other fault.
/// </summary>
public sealed class TrustedRootCertificate
{
    private readonly X509Certificate2 _root;

    private TrustedRootCertificate(X509Certificate2 root) => _root = root;

    /// <summary>
    /// The validation callback trusting the certificate in <paramref name="path"/> (PEM or DER), or
    /// null for an empty path (platform roots only). Throws <see cref="InvalidOperationException"/>
    /// naming <paramref name="key"/> (the config key) when the file holds no certificate.
    /// </summary>
    public static RemoteCertificateValidationCallback? CallbackFor(string path, string key)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }
        X509Certificate2 root;
        try
        {
            root = X509CertificateLoader.LoadCertificateFromFile(path);
        }
        catch (CryptographicException exception)
        {
            throw new InvalidOperationException($"{key}: '{path}' is not a PEM or DER certificate ({exception.Message})", exception);
        }
        return new TrustedRootCertificate(root).Validate;
    }

    private bool Validate(object sender, X509Certificate? certificate, X509Chain? platformChain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }
        // A wrong host name or no certificate at all is refused whoever signed it.
        if (certificate is null || (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_root);
        // A test root publishes no revocation list.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (platformChain is not null)
        {
            foreach (var element in platformChain.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        using var presented = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(presented);
    }
}
