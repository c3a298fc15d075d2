/**
 * The facilitation parts every step of an open workshop shows: the bar with
 * the timer (under the header), the facilitation panel and presenter mode.
 * One chunk, loaded with the first workshop opened (not by the home screen).
 */
import { FacilitationPanel } from './FacilitationPanel';
import { PresenterMode } from './PresenterMode';
import { TimerBar } from './TimerBar';

export function FacilitationChrome() {
  return (
    <>
      <TimerBar />
      <FacilitationPanel />
      <PresenterMode />
    </>
  );
}
