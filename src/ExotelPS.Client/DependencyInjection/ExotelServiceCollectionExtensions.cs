using ExotelPS.Client;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers <see cref="ExotelClient"/> in a .NET application's services.</summary>
public static class ExotelServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ExotelClient"/> for <paramref name="account"/> as a typed client of IHttpClientFactory, so its
    /// HttpClient (and connection pooling) comes from the factory. Clients resolved are transient but share the
    /// account's throttle, as every client of one account in a process does.
    /// </summary>
    /// <param name="services">The services to add to.</param>
    /// <param name="account">The account the client acts for.</param>
    /// <param name="configure">Adjusts the client's options; they are validated here, at registration.</param>
    /// <returns>The HttpClient builder, to add handlers or settings to the factory's client.</returns>
    public static IHttpClientBuilder AddExotelClient(this IServiceCollection services, ExotelAccount account, Action<ExotelClientOptions>? configure = null)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (account is null)
        {
            throw new ArgumentNullException(nameof(account));
        }

        var options = new ExotelClientOptions();
        configure?.Invoke(options);
        options.Validate();

        // The factory's client keeps its own Timeout; the per-attempt RequestTimeout is what should fire, so lift it.
        return services.AddHttpClient(nameof(ExotelClient), http => http.Timeout = Timeout.InfiniteTimeSpan)
            .AddTypedClient(http => new ExotelClient(account, http, options));
    }
}
