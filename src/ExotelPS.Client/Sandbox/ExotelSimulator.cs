namespace ExotelPS.Client.Sandbox;

/// <summary>The call logic of a simulated Exotel, shared by the offline sandbox and the emulator.</summary>
public sealed class ExotelSimulator
{
}
