namespace ExotelPS.LoadContext;
