namespace ExotelPS;
