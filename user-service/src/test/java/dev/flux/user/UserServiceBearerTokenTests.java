package dev.flux.user;

import dev.flux.testsupport.BearerTokenContract;

class UserServiceBearerTokenTests extends BearerTokenContract {

}
