package dev.flux.auth.takeback;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.flux.auth.web.Clients;

/** The target of the link in the email-change notice. */
@RestController
@Tag(name = "account")
class TakebackController {

	private final TakeAccountBack takeBack;

	TakebackController(TakeAccountBack takeBack) {
		this.takeBack = takeBack;
	}

	@PostMapping("/api/auth/email/takeback")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Undo an email change with the link mailed to the previous address: "
			+ "restores it, sets a new password and ends every session")
	void takeBack(@Valid @RequestBody TakebackRequest request, HttpServletRequest http) {
		this.takeBack.takeBack(request.token(), request.newPassword(), Clients.of(http));
	}

	record TakebackRequest(@NotBlank @Size(max = 256) String token, @NotNull @Size(max = 1024) String newPassword) {
	}

}
