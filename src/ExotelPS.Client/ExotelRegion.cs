namespace ExotelPS.Client;

/// <summary>The Exotel cluster an account lives on.</summary>
public enum ExotelRegion
{
    /// <summary>The Singapore cluster, <c>https://api.exotel.com</c>.</summary>
    Singapore,

    /// <summary>The Mumbai cluster, <c>https://api.in.exotel.com</c>.</summary>
    Mumbai,
}
